using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime;
using static AccessReviewFunctions.Functions.Tests.Reviews.Steps.StepFactory;

namespace AccessReviewFunctions.Functions.Tests.Reviews.Steps;

public sealed class ResendStep
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(15);
    private static readonly DateTimeOffset DecidedAt = Now.AddHours(1);

    [Fact]
    public void Resend_NothingPending_Nothing()
    {
        Assert.Empty(ReviewSteps.Resend(Active().State, DecidedAt.AddDays(1), Grace));
    }

    [Fact]
    public void Resend_DecisionPendingForLessThanTheGrace_Nothing()
    {
        var review = Active();
        review.Decide(DecidedAt, Reviewer, Big("aim1", 100), AccessAction.REVOKE_ACCESS);

        Assert.Empty(ReviewSteps.Resend(review.State, DecidedAt + Grace - TimeSpan.FromTicks(1), Grace));
    }

    [Fact]
    public void Resend_DecisionPendingForTheGrace_SendsTheWorkThatAppliesIt()
    {
        var review = Active();
        review.Decide(DecidedAt, Reviewer, Big("aim1", 100), AccessAction.REVOKE_ACCESS);

        var resent = ReviewSteps.Resend(review.State, DecidedAt + Grace, Grace);

        Assert.Equal([new OutgoingMessage(ReviewQueues.Work, new ApplyPendingDecisions(Id))], resent);
    }

    [Fact]
    public void Resend_PendingForLessThanTheGrace_Nothing()
    {
        var review = Pending();

        Assert.Empty(ReviewSteps.Resend(review.State, review.State.Created + Grace - TimeSpan.FromTicks(1), Grace));
    }

    [Fact]
    public void Resend_PendingForTheGrace_SendsGatheringAgain()
    {
        var review = Pending();

        var resent = ReviewSteps.Resend(review.State, review.State.Created + Grace, Grace);

        Assert.Equal([new OutgoingMessage(ReviewQueues.Work, new GatherAccess(Id))], resent);
    }
}
