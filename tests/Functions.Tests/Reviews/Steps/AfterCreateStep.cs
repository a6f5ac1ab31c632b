using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime;
using static AccessReviewFunctions.Functions.Tests.Reviews.Steps.StepFactory;

namespace AccessReviewFunctions.Functions.Tests.Reviews.Steps;

public sealed class AfterCreateStep
{
    [Fact]
    public void AfterCreate_NewReview_GathersAccessAndArmsTheEndTimerForItsEndTime()
    {
        var review = Pending();

        var outbox = ReviewSteps.AfterCreate(review);

        Assert.Equal(
            [
                new OutgoingMessage(ReviewQueues.Work, new GatherAccess(Id)),
                new OutgoingMessage(ReviewQueues.Control, new ReviewEndTimer(Id, End, 0), End),
            ],
            outbox);
    }
}
