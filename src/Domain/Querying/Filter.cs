namespace AccessReviewFunctions.Domain.Querying;

/// <summary>
/// A parsed Okta list filter such as <c>name co "Git" and (status eq "ACTIVE" or created gt "2022-05-24T14:15:22Z")</c>.
/// Keywords and operators are case-insensitive; field names are case-sensitive; <c>and</c> binds tighter than <c>or</c>.
/// </summary>
public sealed class Filter
{
    public const int MaxLength = 1000;
    public const int MaxDepth = 20;

    private Filter(FilterNode? root) => Root = root;

    /// <summary>The filter used when the request has none.</summary>
    public static Filter MatchAll { get; } = new(null);

    /// <summary>The expression tree; null for <see cref="MatchAll"/>.</summary>
    public FilterNode? Root { get; }

    /// <summary>
    /// Parses <paramref name="text"/> against <paramref name="schema"/>. Null means no filter. Any problem throws
    /// <see cref="Errors.DomainException"/> (Validation) whose single cause names it and its 1-based position.
    /// </summary>
    public static Filter Parse(string? text, FilterSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (text is null)
        {
            return MatchAll;
        }

        if (text.Length > MaxLength)
        {
            throw QueryErrors.Filter($"expression is longer than {MaxLength} characters");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw QueryErrors.Filter("empty expression");
        }

        return new(FilterParser.Parse(text, schema));
    }

    /// <summary>True when the row matches; <paramref name="resolve"/> maps a field name to the row's value(s).</summary>
    public bool Matches(Func<string, FieldValue?> resolve) => Root is null || Root.Matches(resolve);

    public override string ToString() => Root?.ToString() ?? "";
}
