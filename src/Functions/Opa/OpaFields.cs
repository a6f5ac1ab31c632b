using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Functions.Reports;

namespace AccessReviewFunctions.Functions.Opa;

/// <summary>The OPA dialect's names for the domain's fields: snake_case, as its request bodies spell them.</summary>
internal static class OpaFields
{
    private static readonly Dictionary<string, string> Paths = new(StringComparer.Ordinal)
    {
        [ReportRequests.UserField] = "user_id",
        [ReportRequests.ResourceField] = "resource_id",
        [ReportRequests.GroupField] = "group_id",
        [Fields.Limit] = "count",
        [Fields.After] = "offset",
    };

    public static string Cause(Violation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        var field = Paths.GetValueOrDefault(violation.Field, violation.Field);
        return field.Length == 0 ? violation.Detail : $"{field}: {violation.Detail}";
    }
}
