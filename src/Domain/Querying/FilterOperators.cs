namespace AccessReviewFunctions.Domain.Querying;

internal static class FilterOperators
{
    public static string Spelling(this FilterOperator op) => op switch
    {
        FilterOperator.Eq => "eq",
        FilterOperator.Co => "co",
        FilterOperator.Gt => "gt",
        _ => "lt",
    };

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
