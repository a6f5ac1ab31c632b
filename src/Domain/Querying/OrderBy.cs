namespace AccessReviewFunctions.Domain.Querying;

/// <summary>A single-field sort such as <c>created asc</c>, parsed from the Okta <c>orderBy</c> parameter.</summary>
public sealed record OrderBy(string Field, SortDirection Direction)
{
    private const int MaxLength = 200;

    /// <summary>
    /// Parses <c>"field [asc|desc]"</c> (direction case-insensitive, default asc) against <paramref name="schema"/>;
    /// null or blank gives the schema's default. Problems throw a Validation <see cref="Errors.DomainException"/>.
    /// </summary>
    public static OrderBy Parse(string? text, OrderBySchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (string.IsNullOrWhiteSpace(text))
        {
            return schema.Default;
        }

        if (text.Length > MaxLength)
        {
            throw QueryErrors.OrderBy($"longer than {MaxLength} characters");
        }

        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (text.Contains(',', StringComparison.Ordinal) || parts.Length > 2
            || (parts.Length == 2 && schema.Allows(parts[1])))
        {
            throw QueryErrors.OrderBy($"sorting is supported on one field only; got '{QueryErrors.Show(text)}'");
        }

        if (!schema.Allows(parts[0]))
        {
            throw QueryErrors.OrderBy(
                $"unknown field '{QueryErrors.Show(parts[0])}'; allowed: {string.Join(", ", schema.Fields)}");
        }

        return new(parts[0], parts.Length == 1 ? SortDirection.Asc : ParseDirection(parts[1]));
    }

    private static SortDirection ParseDirection(string word) =>
        word.ToUpperInvariant() switch
        {
            "ASC" => SortDirection.Asc,
            "DESC" => SortDirection.Desc,
            _ => throw QueryErrors.OrderBy($"invalid direction '{QueryErrors.Show(word)}'; expected asc or desc"),
        };

    public override string ToString() => $"{Field} {(Direction is SortDirection.Asc ? "asc" : "desc")}";
}
