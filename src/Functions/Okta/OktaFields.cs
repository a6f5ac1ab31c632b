using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Functions.Okta;

/// <summary>The domain's input names as Okta's request paths, and a broken rule as an Okta error cause.</summary>
internal static class OktaFields
{
    private static readonly Dictionary<string, string> Paths = new(StringComparer.Ordinal)
    {
        [Fields.Principal] = "principalId",
        [Fields.Reviewers] = "reviewerSettings.userSettings.includedUserIds",
        [Fields.ReviewerType] = "reviewerSettings.type",
        [Fields.Decision] = "type",
        [Fields.ReviewAction] = "actionType",
    };

    /// <summary>Okta's path of a field; a field Okta names the same way (or a path of our own import document) as it is.</summary>
    public static string Path(string field) => Paths.GetValueOrDefault(field, field);

    public static string Cause(Violation violation) =>
        violation.Field.Length == 0 ? violation.Detail : $"{Path(violation.Field)}: {violation.Detail}";
}
