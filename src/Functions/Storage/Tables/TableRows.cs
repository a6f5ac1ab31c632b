using Azure.Data.Tables;
using AccessReviewFunctions.Functions.Runtime.Durable;

namespace AccessReviewFunctions.Functions.Storage.Tables;

/// <summary>Rows to table entities and back, and the filters and reads every table adapter shares.</summary>
internal static class TableRows
{
    private static readonly HashSet<string> SystemColumns = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    public static TableEntity ToEntity(Row row)
    {
        var entity = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (name, value) in row.Columns)
        {
            if (value is not null)
            {
                entity[name] = value;
            }
        }

        if (row.ETag is not null)
        {
            entity.ETag = new Azure.ETag(row.ETag);
        }

        return entity;
    }

    public static Row ToRow(TableEntity entity) => new(
        entity.PartitionKey,
        entity.RowKey,
        entity.Keys.Where(k => !SystemColumns.Contains(k)).ToDictionary(k => k, k => (object?)entity[k], StringComparer.Ordinal),
        entity.ETag.ToString());

    public static string Partition(string partitionKey) => Compare("PartitionKey", "eq", partitionKey);

    /// <summary>RowKey starts with the prefix, as a range the service answers from its index.</summary>
    public static string RowPrefix(string prefix) => Starts("RowKey", prefix);

    /// <summary>The column starts with the prefix: a range [prefix, prefix with its last character incremented).</summary>
    public static string Starts(string column, string prefix) =>
        And(Compare(column, "ge", prefix), Compare(column, "lt", DurableRows.PrefixEnd(prefix)));

    /// <summary>
    /// "column op value" with the value quoted and typed as OData wants it. The column is written as is: inside
    /// CreateQueryFilter an interpolated column name would become a string literal.
    /// </summary>
    public static string Compare(string column, string op, object value) => $"{column} {op} {TableClient.CreateQueryFilter($"{value}")}";

    /// <summary>The earliest time a table column holds (the service refuses earlier ones).</summary>
    public static readonly DateTimeOffset MinTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary><paramref name="time"/> moved by <paramref name="by"/>, kept inside what a table column holds (never overflowing).</summary>
    public static DateTimeOffset ClampTime(DateTimeOffset time, TimeSpan by)
    {
        long min = MinTime.UtcTicks, max = DateTimeOffset.MaxValue.UtcTicks, at = Math.Clamp(time.UtcTicks, min, max);
        var moved = by.Ticks >= 0 ? (at > max - by.Ticks ? max : at + by.Ticks) : (at < min - by.Ticks ? min : at + by.Ticks);
        return new DateTimeOffset(moved, TimeSpan.Zero);
    }

    public static string And(params string[] filters) => string.Join(" and ", filters.Select(f => $"({f})"));

    public static string Or(params string[] filters) => string.Join(" or ", filters.Select(f => $"({f})"));

    /// <summary>Every page of a query, gathered into a list.</summary>
    public static async Task<List<TableEntity>> QueryAllAsync(this TableClient table, string filter, CancellationToken cancellationToken, IEnumerable<string>? select = null)
    {
        var rows = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken))
        {
            rows.Add(entity);
        }

        return rows;
    }

    public static async Task<TableEntity?> FindAsync(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken, IEnumerable<string>? select = null)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>An instance's header for reading (not moved: see <see cref="LegacyHeaders"/>), under its key or the key of headers stored before.</summary>
    public static async Task<TableEntity?> FindHeaderAsync(this TableClient table, string id, CancellationToken cancellationToken, IEnumerable<string>? select = null) =>
        await table.FindAsync(id, DurableRows.Header(id), cancellationToken, select) ?? await table.FindAsync(id, DurableRows.LegacyHeader, cancellationToken, select);
}
