namespace AccessReviewFunctions.Domain.Reviews.Remediation;

/// <summary>
/// What one revoke took away downstream, so that a restore puts back exactly that: the whole grant of an app
/// (with its assignment and its groups, entitlement values and bundles) or single parts of it. Sequence orders the
/// removals of a review (the review's revision when it was recorded); restores run in reverse sequence.
/// </summary>
public sealed record RemovedAccess(
    string AppId,
    bool WholeGrant,
    string? AssignmentType,
    DateTimeOffset? AssignedDate,
    IReadOnlyList<string> GroupIds,
    IReadOnlyList<string> EntitlementValueIds,
    IReadOnlyList<string> BundleIds,
    int Sequence = 0)
{
    public bool IsEmpty => !WholeGrant && GroupIds.Count == 0 && EntitlementValueIds.Count == 0 && BundleIds.Count == 0;
}
