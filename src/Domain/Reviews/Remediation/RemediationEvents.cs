using AccessReviewFunctions.Domain.Reviews.Access;

namespace AccessReviewFunctions.Domain.Reviews.Remediation;

/// <summary>
/// A downstream change reached its terminal state (access.review.remediate, SUCCESS or FAILURE with the reason).
/// System Log only: a review of many items would drown its history in them; the item shows its remediation.
/// </summary>
public sealed record AccessRemediated(
    string ReviewId, DateTimeOffset At, string? ActorId, string AccessItemId, string? SubItemId, string Target, RemediationKind Kind, RemediationStatus Status, string Reason)
    : ReviewEvent(ReviewId, At, ActorId)
{
    public bool Succeeded => Status != RemediationStatus.FAILED;

    public override bool InHistory => false;

    public override string Describe() =>
        $"{Kind switch { RemediationKind.REVOKE => "revocation", RemediationKind.RESTORE => "restoration", _ => "logout" }} of {Target} {(Status == RemediationStatus.FIXED ? "fixed by hand" : Succeeded ? "succeeded" : "failed")}: {Reason}";
}

/// <summary>One change of a work item: the item or sub-item and the generation of its remediation.</summary>
public sealed record RemediationTarget(string AccessItemId, string? SubItemId, int Generation)
{
    public string TargetId => SubItemId ?? AccessItemId;
}

/// <summary>What an attempt at a target's change returned.</summary>
public sealed record RemediationAttempt(RemediationTarget Target, RemediationOutcome Outcome);

/// <summary>
/// A recorded set of outcomes: the item rows to write (their revision unchanged: a remediation is not a decision),
/// the terminal events, the targets to try again after RetryDelay, and those now waiting for a receiver's report.
/// </summary>
public sealed record RemediationRecorded(
    AccessRows Rows, IReadOnlyList<ReviewEvent> Events, IReadOnlyList<RemediationTarget> Retry, TimeSpan RetryDelay, IReadOnlyList<RemediationTarget> Awaiting)
{
    public static readonly RemediationRecorded Nothing = new(AccessRows.None, [], [], TimeSpan.Zero, []);
}
