using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime;
using static AccessReviewFunctions.Functions.Tests.Reviews.Steps.StepFactory;

namespace AccessReviewFunctions.Functions.Tests.Reviews.Steps;

public sealed class AfterCreateStep
{
    [Fact]
    public void AfterCreate_EndWithinTheHorizon_GathersAccessAndArmsTheEndTimerForItsEndTime()
    {
        var review = Pending();

        var outbox = ReviewSteps.AfterCreate(review, new EndTimerHorizon(End - Now));

        Assert.Equal(
            [
                new OutgoingMessage(ReviewQueues.Work, new GatherAccess(Id)),
                new OutgoingMessage(ReviewQueues.Control, new ReviewEndTimer(Id, End, 0), End),
            ],
            outbox);
    }

    [Fact]
    public void AfterCreate_EndBeyondTheHorizon_GathersAccessOnly()
    {
        var review = Pending();

        var outbox = ReviewSteps.AfterCreate(review, new EndTimerHorizon(End - Now - TimeSpan.FromTicks(1)));

        Assert.Equal([new OutgoingMessage(ReviewQueues.Work, new GatherAccess(Id))], outbox);
    }

    [Fact]
    public void ArmEndTimer_OpenReview_TimerForItsEndTimeDueThen()
    {
        var review = Active();

        var timer = ReviewSteps.ArmEndTimer(review.State);

        Assert.Equal(new OutgoingMessage(ReviewQueues.Control, new ReviewEndTimer(Id, End, 0), End), timer);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(60, true)]
    [InlineData(61, false)]
    public void Covers_EndUpToTheHorizonFromNow(int minutesAhead, bool covered) =>
        Assert.Equal(covered, new EndTimerHorizon(TimeSpan.FromHours(1)).Covers(Now.AddMinutes(minutesAhead), Now));

    [Fact]
    public void JobReach_HalfTheHorizonAhead() =>
        Assert.Equal(Now.AddMinutes(30), new EndTimerHorizon(TimeSpan.FromHours(1)).JobReach(Now));
}
