namespace AccessReviewFunctions.Domain.Querying;

/// <summary>The fields one list may be sorted by (case-sensitive) and its default sort.</summary>
public sealed class OrderBySchema
{
    public OrderBySchema(OrderBy @default, params IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(@default);
        Fields = fields.ToArray();
        if (!Fields.Contains(@default.Field, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Default field '{@default.Field}' is not among the sortable fields.", nameof(fields));
        }

        Default = @default;
    }

    public OrderBy Default { get; }

    public IReadOnlyList<string> Fields { get; }

    public bool Allows(string field) => Fields.Contains(field, StringComparer.Ordinal);
}
