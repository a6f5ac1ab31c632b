namespace AccessReviewFunctions.Domain.Querying;

internal static class FilterOperators
{
    public static string Spelling(this FilterOperator op) => op switch
    {
        FilterOperator.Eq => "eq",
        FilterOperator.Co => "co",
        FilterOperator.Gt => "gt",
        FilterOperator.Lt => "lt",
        FilterOperator.Ge => "ge",
        FilterOperator.Le => "le",
        FilterOperator.Sw => "sw",
        _ => "pr",
    };

    /// <summary><c>pr</c> stands alone (<c>field pr</c>); every other operator takes a quoted literal.</summary>
    public static bool TakesLiteral(this FilterOperator op) => op is not FilterOperator.Pr;

    public static bool TryParse(string word, out FilterOperator op)
    {
        foreach (var candidate in Enum.GetValues<FilterOperator>())
        {
            if (string.Equals(word, candidate.Spelling(), StringComparison.OrdinalIgnoreCase))
            {
                op = candidate;
                return true;
            }
        }

        op = default;
        return false;
    }
}
