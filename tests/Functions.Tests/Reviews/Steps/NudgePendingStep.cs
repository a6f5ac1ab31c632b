using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime;
using static AccessReviewFunctions.Functions.Tests.Reviews.Steps.StepFactory;

namespace AccessReviewFunctions.Functions.Tests.Reviews.Steps;

public sealed class NudgePendingStep
{
    private static readonly DateTimeOffset DecidedAt = Now.AddHours(1);

    [Fact]
    public void PendingGrace_IsTenMinutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), ReviewSteps.PendingGrace);
    }

    [Fact]
    public void NudgePending_NothingPending_Null()
    {
        Assert.Null(ReviewSteps.NudgePending(Active().State, DecidedAt.AddDays(1)));
    }

    [Fact]
    public void NudgePending_PendingForLessThanTheGrace_Null()
    {
        var review = Active();
        review.Decide(DecidedAt, Reviewer, Big("aim1", 100), AccessAction.REVOKE_ACCESS);

        Assert.Null(ReviewSteps.NudgePending(review.State, DecidedAt + ReviewSteps.PendingGrace - TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void NudgePending_PendingForTheGrace_SendsTheWorkThatAppliesIt()
    {
        var review = Active();
        review.Decide(DecidedAt, Reviewer, Big("aim1", 100), AccessAction.REVOKE_ACCESS);

        var nudge = ReviewSteps.NudgePending(review.State, DecidedAt + ReviewSteps.PendingGrace);

        Assert.Equal(new OutgoingMessage(ReviewQueues.Work, new ApplyPendingDecisions(Id)), nudge);
    }
}
