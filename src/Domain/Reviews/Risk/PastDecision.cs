using AccessReviewFunctions.Domain.Reviews.Decisions;

namespace AccessReviewFunctions.Domain.Reviews.Risk;

/// <summary>
/// A decision an earlier review made about one of this principal's resources; <see cref="Decision"/> is one of
/// <see cref="PastDecisions"/> (what it did to the access). The rest says how it was made, for prior-action lists:
/// <see cref="Action"/> the reviewer's own decision (an <c>AccessAction</c> name), who made it, automatically or not,
/// the note, the review's name and whether a SoD rule matched the access then. Rows logged before these were
/// recorded read them as null / false.
/// </summary>
public sealed record PastDecision(
    string ResourceId,
    string Decision,
    DateTimeOffset DecidedAt,
    string ReviewId,
    string? Action = null,
    string? DecidedBy = null,
    bool Automatic = false,
    string? Note = null,
    string? ReviewName = null,
    bool HasSodViolation = false);

/// <summary>The decisions a review can record about an access.</summary>
public static class PastDecisions
{
    /// <summary>The standing decision of <paramref name="review"/> on one resource, as the decision log and prior actions read it.</summary>
    public static PastDecision Of(ReviewSnapshot review, string resourceId, ItemDecision decision, RiskAssessment? risk)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(decision);
        return new(
            resourceId, decision.Decision.Effect().ToString(), decision.DecidedAt, review.Id, decision.Decision.ToString(),
            decision.DecidedBy, decision.Automatic, decision.Note, review.Name, risk is { SodConflict: > Severity.NONE });
    }

    public const string RevokeAccess = "REVOKE_ACCESS";
    public const string RestoreAccess = "RESTORE_ACCESS";
    public const string Keep = "KEEP";
}
