namespace AccessReviewFunctions.Functions.Runtime.Durable;

/// <summary>
/// A table row without storage types: its keys, its columns (string, bool, int, long, double or DateTimeOffset)
/// and, when it was read, its ETag.
/// </summary>
internal sealed record Row(string PartitionKey, string RowKey, IReadOnlyDictionary<string, object?> Columns, string? ETag = null)
{
    public static Row Of(string partitionKey, string rowKey, params (string Name, object? Value)[] columns) =>
        new(partitionKey, rowKey, columns.Where(c => c.Value is not null).ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal));

    public string? Text(string column) => Columns.GetValueOrDefault(column) as string;

    public DateTimeOffset? Time(string column) => Columns.GetValueOrDefault(column) switch
    {
        DateTimeOffset value => value,
        DateTime value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)),
        _ => null,
    };
}

/// <summary>How a row is written: Insert fails when it exists; Replace only while the row still has the read ETag.</summary>
internal enum RowWrite
{
    Insert,
    Upsert,
    Replace,

    /// <summary>Deletes the row while it still has the read ETag.</summary>
    Delete,
}

internal sealed record RowChange(Row Row, RowWrite Write);

/// <summary>An atomic write was refused: a row changed or went since it was read (412, 404), or a row to insert exists (409).</summary>
internal sealed class WriteConflictException(bool preconditionFailed, Exception? inner = null)
    : Exception(preconditionFailed ? "A row changed since it was read" : "A row to insert already exists", inner)
{
    public bool PreconditionFailed { get; } = preconditionFailed;
}
