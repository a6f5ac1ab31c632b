using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>
/// The workflow's decisions: given the review, the message and the time, which transition and which messages follow.
/// Deterministic and free of I/O; null means "nothing to do".
/// </summary>
public static class ReviewSteps
{
    public static IReadOnlyList<OutgoingMessage> AfterCreate(SecurityAccessReview review) =>
    [
        new(ReviewQueues.Work, new GatherAccess(review.Id)),
        EndTimer(review.Id, review.State.EndTime, 0),
    ];

    public static ReviewChange? OnGathered(SecurityAccessReview review, int accessItemCount, DateTimeOffset now) =>
        review.Status == ReviewStatus.PENDING ? ReviewChange.Of(review.Activate(now, accessItemCount)) : null;

    public static ReviewChange? OnGatherFailed(SecurityAccessReview review, string reason, DateTimeOffset now) =>
        review.Status == ReviewStatus.PENDING ? ReviewChange.Of(review.Fail(now, reason)) : null;

    /// <summary>
    /// A timer for an end time the review no longer has is stale and ignored; one that arrives before its due
    /// time (the 7-day queue cap) re-arms itself; a due one closes the review if it is still open.
    /// </summary>
    public static ReviewChange? OnEndTimer(SecurityAccessReview review, ReviewEndTimer timer, DateTimeOffset now)
    {
        if (review.State.EndTime != timer.DueAt || review.Status is ReviewStatus.CLOSED or ReviewStatus.ERROR)
        {
            return null;
        }

        return now < timer.DueAt
            ? ReviewChange.Send(EndTimer(review.Id, timer.DueAt, timer.Hop + 1))
            : CloseIfDue(review, now);
    }

    /// <summary>The sweeper's safety net: the same close as the timer's, so whichever comes second finds nothing to do.</summary>
    public static ReviewChange? CloseIfDue(SecurityAccessReview review, DateTimeOffset now) =>
        review.IsDue(now) ? ReviewChange.Of(review.Close(now, null, CloseReason.EndTimeReached)) : null;

    /// <summary>An admin's change: a new end time arms a new timer (the old one finds a different end time and is ignored).</summary>
    public static ReviewChange? OnUpdated(SecurityAccessReview review, DateTimeOffset previousEndTime, IReadOnlyList<ReviewEvent> events)
    {
        if (events.Count == 0)
        {
            return null;
        }

        var rearm = review.State.EndTime != previousEndTime && review.Status is ReviewStatus.PENDING or ReviewStatus.ACTIVE;
        return new ReviewChange(events, rearm ? [EndTimer(review.Id, review.State.EndTime, 0)] : []);
    }

    /// <summary>A decision on an item: its rows and events.</summary>
    public static ReviewChange OnDecided(DecisionResult result) =>
        new(result.Events, [], [result.Item], result.ChangedSubItems);

    /// <summary>Restore-all: every restored item's rows, one event.</summary>
    public static ReviewChange OnRestoredAll(DecisionResult[] restored, ReviewEvent summary) =>
        new([summary], [], [.. restored.Select(r => r.Item)], [.. restored.SelectMany(r => r.ChangedSubItems)]);

    /// <summary>
    /// The sweeper's pass over one review: close it at its end time, or complete it when auto-complete is due.
    /// The same transitions the timer and the decisions make, so whichever comes second finds nothing to do.
    /// </summary>
    public static ReviewChange? Sweep(SecurityAccessReview review, DateTimeOffset now) =>
        CloseIfDue(review, now)
        ?? (review.Status == ReviewStatus.ACTIVE && review.State.AutoComplete && review.State.AllDecided
            ? ReviewChange.Of(review.Close(now, null, CloseReason.Completed))
            : null);

    /// <summary>Automatic rejections owed for longer than this are sent again by the sweeper.</summary>
    public static readonly TimeSpan AutoRejectGrace = TimeSpan.FromMinutes(10);

    public static OutgoingMessage? NudgeAutoReject(ReviewSnapshot review, DateTimeOffset now) =>
        review.AutoRejectPending && review.ClosedAt is { } closed && now - closed >= AutoRejectGrace
            ? new OutgoingMessage(ReviewQueues.Work, new AutoRejectUndecided(review.Id))
            : null;

    /// <summary>The automatic rejections are stored: finish them.</summary>
    public static ReviewChange? OnAutoRejected(SecurityAccessReview review, IReadOnlyList<AccessItem> storedItems, DateTimeOffset now) =>
        review.State.AutoRejectPending ? ReviewChange.Of(review.CompleteAutoRejections(now, storedItems)) : null;

    /// <summary>
    /// What follows any step, whoever made it: a close owes the automatic rejections when the review expired
    /// with AUTO_REJECT_INCOMPLETE, and otherwise the decision log; finishing the rejections owes the log.
    /// </summary>
    public static ReviewChange FollowUp(SecurityAccessReview review, ReviewChange change)
    {
        var follow = new List<OutgoingMessage>();
        foreach (var happened in change.Events)
        {
            if (happened is ReviewClosed)
            {
                follow.Add(review.State.AutoRejectPending
                    ? new OutgoingMessage(ReviewQueues.Work, new AutoRejectUndecided(review.Id))
                    : new OutgoingMessage(ReviewQueues.Work, new RecordDecisions(review.Id)));
            }
            else if (happened is UndecidedAccessRevoked)
            {
                follow.Add(new OutgoingMessage(ReviewQueues.Work, new RecordDecisions(review.Id)));
            }
        }

        return follow.Count == 0 ? change : change with { Outbox = [.. change.Outbox, .. follow] };
    }

    private static OutgoingMessage EndTimer(string reviewId, DateTimeOffset dueAt, int hop) =>
        new(ReviewQueues.Control, new ReviewEndTimer(reviewId, dueAt, hop), dueAt);
}
