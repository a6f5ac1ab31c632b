namespace AccessReviewFunctions.Domain.Reviews.Remediation;

/// <summary>
/// The downstream change an item's decision needs, stored on the item row. Generation is the review revision of
/// the decision it carries out (the row's revision then), so a later decision supersedes it and the idempotency key
/// (review, item, kind, generation) names one change. Removed accumulates what revokes took away until a restore
/// puts it back. Manual: an admin carries it out by hand (no connector is called).
/// </summary>
public sealed record ItemRemediation(
    RemediationKind Kind,
    RemediationStatus Status,
    int Generation,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Attempts = 0,
    string? LastError = null,
    string? Result = null,
    DateTimeOffset? CompletedAt = null,
    bool Manual = false,
    bool AwaitingReport = false,
    IReadOnlyList<RemovedAccess>? Removed = null)
{
    public IReadOnlyList<RemovedAccess> RemovedAccess => Removed ?? [];

    /// <summary>Waiting for its first attempt, and a connector's to make.</summary>
    public bool ReadyToDispatch(int rowRevision) => Status == RemediationStatus.PENDING && Attempts == 0 && Generation == rowRevision && !Manual;

    /// <summary>The key every downstream call of this change carries.</summary>
    public string IdempotencyKey(string reviewId, string targetId) => $"{reviewId}:{targetId}:{Kind}:{Generation}";
}
