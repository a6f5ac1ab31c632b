namespace AccessReviewFunctions.Domain.Inventory;

/// <summary>One principal's access to one application: how it was assigned, what it includes, how it is used.</summary>
public sealed record Grant(
    string PrincipalId,
    string AppId,
    AssignmentType AssignmentType,
    DateTimeOffset AssignedDate,
    IReadOnlyList<string> GroupIds,
    IReadOnlyList<string> EntitlementValueIds,
    IReadOnlyList<string> BundleIds,
    DateTimeOffset? LastAccess,
    int AccessCount90Days);

public enum AssignmentType
{
    INDIVIDUAL,
    GROUP,
    ACCESS_REQUEST,
}
