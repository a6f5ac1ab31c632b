using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime;
using static AccessReviewFunctions.Functions.Tests.Reviews.Steps.StepFactory;

namespace AccessReviewFunctions.Functions.Tests.Reviews.Steps;

public sealed class EndTimerStep
{
    [Fact]
    public void OnEndTimer_ArrivesEarly_ReArmsOneHopFurtherForTheSameDueTime()
    {
        var review = Active();
        var revision = review.State.Revision;

        var change = ReviewSteps.OnEndTimer(review, new ReviewEndTimer(Id, End, 2), End.AddDays(-3));

        Assert.NotNull(change);
        Assert.Empty(change.Events);
        Assert.Equal([new OutgoingMessage(ReviewQueues.Control, new ReviewEndTimer(Id, End, 3), End)], change.Outbox);
        Assert.Equal((ReviewStatus.ACTIVE, revision), (review.Status, review.State.Revision));
    }

    [Fact]
    public void OnEndTimer_OneTickBeforeDue_ReArms()
    {
        var change = ReviewSteps.OnEndTimer(Active(), new ReviewEndTimer(Id, End), End.AddTicks(-1));

        Assert.NotNull(change);
        Assert.Equal([new OutgoingMessage(ReviewQueues.Control, new ReviewEndTimer(Id, End, 1), End)], change.Outbox);
    }

    [Fact]
    public void OnEndTimer_Due_ClosesWithReasonEndTime()
    {
        var review = Active();

        var change = ReviewSteps.OnEndTimer(review, new ReviewEndTimer(Id, End, 1), End);

        Assert.NotNull(change);
        Assert.Equal([new ReviewClosed(Id, End, null, CloseReason.EndTimeReached)], change.Events);
        Assert.Empty(change.Outbox);
        Assert.Equal((ReviewStatus.CLOSED, CloseReason.EndTimeReached, End), (review.Status, review.State.CloseReason, review.State.ClosedAt));
    }

    [Fact]
    public void OnEndTimer_DueWhilePending_ClosesTheReviewGatheringNeverFinished()
    {
        var review = Pending();

        var change = ReviewSteps.OnEndTimer(review, new ReviewEndTimer(Id, End), End.AddMinutes(5));

        Assert.NotNull(change);
        Assert.Equal([new ReviewClosed(Id, End.AddMinutes(5), null, CloseReason.EndTimeReached)], change.Events);
        Assert.Equal(ReviewStatus.CLOSED, review.Status);
    }

    [Fact]
    public void OnEndTimer_StaleDueTime_NullEvenWhenDue()
    {
        var review = Active();

        Assert.Null(ReviewSteps.OnEndTimer(review, new ReviewEndTimer(Id, End.AddDays(-1)), End.AddDays(-1)));
        Assert.Null(ReviewSteps.OnEndTimer(review, new ReviewEndTimer(Id, End.AddDays(1)), Now));
        Assert.Equal(ReviewStatus.ACTIVE, review.Status);
    }

    [Fact]
    public void OnEndTimer_Closed_NullEarlyOrDue()
    {
        var review = Closed();

        Assert.Null(ReviewSteps.OnEndTimer(review, new ReviewEndTimer(Id, End), Now.AddDays(1)));
        Assert.Null(ReviewSteps.OnEndTimer(review, new ReviewEndTimer(Id, End), End));
    }

    [Fact]
    public void OnEndTimer_Error_NullEarlyOrDue()
    {
        var review = Failed();

        Assert.Null(ReviewSteps.OnEndTimer(review, new ReviewEndTimer(Id, End), Now.AddDays(1)));
        Assert.Null(ReviewSteps.OnEndTimer(review, new ReviewEndTimer(Id, End), End));
        Assert.Equal(ReviewStatus.ERROR, review.Status);
    }
}
