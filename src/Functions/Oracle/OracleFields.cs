using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Functions.Oracle;

/// <summary>The Oracle names of the domain's fields, for error messages: the cursor is <c>page</c>, the sort <c>sortBy</c>.</summary>
internal static class OracleFields
{
    public static string Name(string field) => field switch
    {
        Fields.After => "page",
        Fields.OrderBy => "sortBy",
        _ => field,
    };

    public static string Cause(Violation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return violation.Field.Length == 0 ? violation.Detail : $"{Name(violation.Field)}: {violation.Detail}";
    }
}
