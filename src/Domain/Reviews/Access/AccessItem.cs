namespace AccessReviewFunctions.Domain.Reviews.Access;

/// <summary>A top-level resource the principal had access to when the review gathered its snapshot (one per app).</summary>
public sealed record AccessItem(
    string Id,
    string AppId,
    string AppName,
    string Label,
    DateTimeOffset AssignedDate,
    string AssignmentType,
    int ApplicationUsage,
    DateTimeOffset? LastAccess,
    IReadOnlyList<EntitlementRef> ActiveEntitlements,
    IReadOnlyList<string> SubAccessTypes,
    IReadOnlyList<string> GovernanceLabels)
{
    public const string Type = "APPLICATION";
}

public sealed record EntitlementRef(string Id, string Name, string? Description);
