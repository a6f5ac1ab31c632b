using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>
/// The workflow's decisions: given the review, the message and the time, which transition and which messages follow.
/// Deterministic and free of I/O; null means "nothing to do".
/// </summary>
internal static class ReviewSteps
{
    /// <summary>Gathering, and the end timer when the review ends within the horizon (<see cref="EndTimerHorizon"/>).</summary>
    public static IReadOnlyList<OutgoingMessage> AfterCreate(SecurityAccessReview review, EndTimerHorizon horizon) =>
        [new(ReviewQueues.Work, new GatherAccess(review.Id)), .. EndTimerIfNear(review, review.State.Created, horizon)];

    /// <summary>The end timer <see cref="EndTimerJob"/> arms for an open review whose end came within its reach.</summary>
    public static OutgoingMessage ArmEndTimer(ReviewSnapshot review) => EndTimer(review.Id, review.EndTime, 0);

    public static ReviewChange? OnGathered(SecurityAccessReview review, int accessItemCount, DateTimeOffset now, string? summary = null) =>
        review.Status == ReviewStatus.PENDING ? ReviewChange.Of(review.Activate(now, accessItemCount, summary)) : null;

    public static ReviewChange? OnGatherFailed(SecurityAccessReview review, string reason, DateTimeOffset now) =>
        review.Status == ReviewStatus.PENDING ? ReviewChange.Of(review.Fail(now, reason)) : null;

    /// <summary>
    /// A timer for an end time the review no longer has is stale and ignored; one that arrives before its due
    /// time (the 7-day queue cap) re-arms itself; a due one closes the review if it is still open.
    /// </summary>
    public static ReviewChange? OnEndTimer(SecurityAccessReview review, ReviewEndTimer timer, DateTimeOffset now)
    {
        if (review.State.EndTime != timer.DueAt || !review.Status.IsOpen())
        {
            return null;
        }

        return now < timer.DueAt
            ? ReviewChange.Send(EndTimer(review.Id, timer.DueAt, timer.Hop + 1))
            : CloseIfDue(review, now);
    }

    /// <summary>
    /// The end time's close, with the automatic rejections AUTO_REJECT_INCOMPLETE owes; the timer and the sweeper
    /// both make it, so whichever comes second finds nothing to do.
    /// </summary>
    public static ReviewChange? CloseIfDue(SecurityAccessReview review, DateTimeOffset now) =>
        review.IsDue(now) ? new ReviewChange(review.Expire(now), []) : null;

    /// <summary>
    /// An admin's change: a new end time within the horizon arms a new timer (the old one finds a different end time and
    /// is ignored); a later one is armed by <see cref="EndTimerJob"/> when it comes near.
    /// </summary>
    public static ReviewChange? OnUpdated(
        SecurityAccessReview review, DateTimeOffset previousEndTime, IReadOnlyList<ReviewEvent> events, DateTimeOffset now, EndTimerHorizon horizon)
    {
        if (events.Count == 0)
        {
            return null;
        }

        var rearm = review.State.EndTime != previousEndTime && review.Status.IsOpen();
        return new ReviewChange(events, rearm ? EndTimerIfNear(review, now, horizon) : []);
    }

    /// <summary>A decision on an item: its rows (none when it is pending) and events.</summary>
    public static ReviewChange OnDecided(DecisionResult result) => new(result.Events, [], result.Rows);

    /// <summary>Restore-all: the restored rows (none when it is pending), one event.</summary>
    public static ReviewChange OnRestoredAll(AccessRows rows, ReviewEvent summary) => new([summary], [], rows);

    /// <summary>The next rows of the review's first pending decision; null when nothing is pending.</summary>
    public static ReviewChange? OnApplyPending(SecurityAccessReview review, AccessRows stored) =>
        review.State.Pending.Count == 0 ? null : new ReviewChange([], [], review.ApplyPending(stored));

    /// <summary>
    /// The sweeper's pass over one review: close it at its end time, or complete it when auto-complete is due.
    /// The same transitions the timer and the decisions make, so whichever comes second finds nothing to do.
    /// </summary>
    public static ReviewChange? Sweep(SecurityAccessReview review, DateTimeOffset now) =>
        CloseIfDue(review, now)
        ?? (review.State.AutoCompleteDue
            ? ReviewChange.Of(review.Close(now, null, CloseReason.Completed))
            : null);

    /// <summary>
    /// The sweeper's re-send of work that should have finished by now: gathering for a review PENDING longer than
    /// <paramref name="grace"/>, applying for decisions pending longer than it. Its message was lost, or a host died
    /// holding it; both handlers are idempotent, so a second copy of work still running does nothing twice.
    /// </summary>
    public static IReadOnlyList<OutgoingMessage> Resend(ReviewSnapshot review, DateTimeOffset now, TimeSpan grace)
    {
        var resend = new List<OutgoingMessage>();
        if (review.Status == ReviewStatus.PENDING && now - review.Created >= grace)
        {
            resend.Add(new OutgoingMessage(ReviewQueues.Work, new GatherAccess(review.Id)));
        }

        if (review.Pending.Count > 0 && now - review.Pending[0].Decision.DecidedAt >= grace)
        {
            resend.Add(ApplyPending(review.Id));
        }

        return resend;
    }

    /// <summary>
    /// What follows any step, whoever made it: a close owes the decision log; a decision too large for one step,
    /// now pending on the header, owes the work item that applies it to the rows. (Rows written with a downstream
    /// change to make owe remediation work items too: <see cref="ReviewUpdater"/> adds them.)
    /// </summary>
    public static ReviewChange FollowUp(SecurityAccessReview review, ReviewChange change)
    {
        var follow = new List<OutgoingMessage>();
        if (change.Events.Any(e => e is ReviewClosed))
        {
            follow.Add(new OutgoingMessage(ReviewQueues.Work, new RecordDecisions(review.Id)));
        }

        var firstRevisionOfChange = review.State.Revision - change.Events.Count + 1;
        if (review.State.Pending.Any(p => p.Revision >= firstRevisionOfChange) && change.Events.Count > 0)
        {
            follow.Add(ApplyPending(review.Id));
        }

        return follow.Count == 0 ? change : change with { Outbox = [.. change.Outbox, .. follow] };
    }

    private static OutgoingMessage ApplyPending(string reviewId) => new(ReviewQueues.Work, new ApplyPendingDecisions(reviewId));

    /// <summary>The review's end timer when its end is within the horizon from <paramref name="now"/>; later ones are <see cref="EndTimerJob"/>'s.</summary>
    private static IReadOnlyList<OutgoingMessage> EndTimerIfNear(SecurityAccessReview review, DateTimeOffset now, EndTimerHorizon horizon) =>
        horizon.Covers(review.State.EndTime, now) ? [EndTimer(review.Id, review.State.EndTime, 0)] : [];

    private static OutgoingMessage EndTimer(string reviewId, DateTimeOffset dueAt, int hop) =>
        new(ReviewQueues.Control, new ReviewEndTimer(reviewId, dueAt, hop), dueAt);
}
