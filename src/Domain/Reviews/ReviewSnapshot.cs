using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Domain.Reviews.Remediation;

namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>
/// The stored form of a review header; <see cref="SecurityAccessReview.Restore"/> turns it back into the aggregate.
/// Revision counts the events so far: each transition adds one, so it orders the history. Item rows carry the
/// revision that last wrote them; <see cref="PendingDecisions"/> are decisions recorded here and not yet in the rows.
/// </summary>
public sealed record ReviewSnapshot(
    string Id,
    string Name,
    string PrincipalId,
    IReadOnlyList<string> ReviewerIds,
    ReviewStatus Status,
    DateTimeOffset EndTime,
    DateTimeOffset Created,
    string CreatedBy,
    DateTimeOffset LastUpdated,
    string LastUpdatedBy,
    int AccessItemCount,
    DateTimeOffset? ClosedAt,
    CloseReason? CloseReason,
    string? ErrorReason,
    int Revision = 1,
    ExpirationBehavior ExpirationBehavior = ExpirationBehavior.DO_NOTHING,
    string? ExpirationNote = null,
    bool AutoComplete = false,
    int DecidedCount = 0,
    int RevokedCount = 0,
    IReadOnlyList<PendingDecision>? PendingDecisions = null,
    string? Summary = null,
    RemediationCounts? Remediation = null,
    ItemRemediation? Logout = null)
{
    /// <summary>True when every access item has a decision.</summary>
    public bool AllDecided => AccessItemCount > 0 && DecidedCount >= AccessItemCount;

    public IReadOnlyList<PendingDecision> Pending => PendingDecisions ?? [];

    /// <summary>An ACTIVE review with auto-complete on and every item decided: it should close as completed.</summary>
    public bool AutoCompleteDue => Status == ReviewStatus.ACTIVE && AutoComplete && AllDecided;
}
