using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using static AccessReviewFunctions.Functions.Tests.Reviews.Steps.StepFactory;

namespace AccessReviewFunctions.Functions.Tests.Reviews.Steps;

public sealed class CloseIfDueStep
{
    private const string Note = "Not reviewed in time";

    [Fact]
    public void CloseIfDue_BeforeTheEndTime_Null()
    {
        var review = Active();

        Assert.Null(ReviewSteps.CloseIfDue(review, End.AddTicks(-1)));
        Assert.Equal(ReviewStatus.ACTIVE, review.Status);
    }

    [Fact]
    public void CloseIfDue_DoNothing_ClosesAndLeavesUndecidedItems()
    {
        var review = Active(items: 3);

        var change = ReviewSteps.CloseIfDue(review, End);

        Assert.NotNull(change);
        Assert.Equal([new ReviewClosed(Id, End, null, CloseReason.EndTimeReached)], change.Events);
        Assert.Empty(change.Outbox);
        Assert.Equal(0, change.Written.Count);
        Assert.Equal((ReviewStatus.CLOSED, 0), (review.Status, review.State.DecidedCount));
        Assert.Empty(review.State.Pending);
    }

    [Fact]
    public void CloseIfDue_AutoRejectIncomplete_ClosesAndRecordsTheRejectionsAsOnePendingDecision()
    {
        var review = Active(items: 3, expiry: ExpirationBehavior.AUTO_REJECT_INCOMPLETE, note: Note);
        review.Decide(Now.AddHours(1), Reviewer, new DecisionTarget(Item("aim1"), [Sub("aim1", "sai1")]), AccessAction.REVOKE_ACCESS);

        var change = ReviewSteps.CloseIfDue(review, End);

        Assert.NotNull(change);
        Assert.Equal(
            [new ReviewClosed(Id, End, null, CloseReason.EndTimeReached), new UndecidedAccessRevoked(Id, End, 2, Note)],
            change.Events);
        Assert.Empty(change.Outbox);
        Assert.Equal(0, change.Written.Count);
        var automatic = new ItemDecision(AccessAction.REVOKE_ACCESS, SecurityAccessReview.SystemActor, End, Automatic: true, Note);
        Assert.Equal([new PendingDecision(5, PendingScope.Undecided, automatic)], review.State.Pending);
        Assert.Equal((ReviewStatus.CLOSED, 5, 3, 3), (review.Status, review.State.Revision, review.State.DecidedCount, review.State.RevokedCount));
    }

    [Fact]
    public void CloseIfDue_AutoRejectIncompleteEverythingDecided_ClosesWithoutRejections()
    {
        var review = Active(items: 1, expiry: ExpirationBehavior.AUTO_REJECT_INCOMPLETE, note: Note);
        review.Decide(Now.AddHours(1), Reviewer, new DecisionTarget(Item("aim1"), []), AccessAction.REVOKE_ACCESS);

        var change = ReviewSteps.CloseIfDue(review, End);

        Assert.NotNull(change);
        Assert.Equal([new ReviewClosed(Id, End, null, CloseReason.EndTimeReached)], change.Events);
        Assert.Empty(review.State.Pending);
    }

    [Fact]
    public void CloseIfDue_AlreadyClosed_Null()
    {
        var review = Closed();

        Assert.Null(ReviewSteps.CloseIfDue(review, End.AddDays(1)));
        Assert.Equal(CloseReason.Manual, review.State.CloseReason);
    }
}
