using AccessReviewFunctions.Domain.Reviews;
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

    private static OutgoingMessage EndTimer(string reviewId, DateTimeOffset dueAt, int hop) =>
        new(ReviewQueues.Control, new ReviewEndTimer(reviewId, dueAt, hop), dueAt);
}
