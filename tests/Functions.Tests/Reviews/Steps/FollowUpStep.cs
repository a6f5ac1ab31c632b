using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime;
using static AccessReviewFunctions.Functions.Tests.Reviews.Steps.StepFactory;

namespace AccessReviewFunctions.Functions.Tests.Reviews.Steps;

public sealed class FollowUpStep
{
    private static readonly DateTimeOffset At = Now.AddHours(1);
    private static readonly OutgoingMessage Record = new(ReviewQueues.Work, new RecordDecisions(Id));
    private static readonly OutgoingMessage Apply = new(ReviewQueues.Work, new ApplyPendingDecisions(Id));

    [Fact]
    public void FollowUp_Close_RecordsTheDecisions()
    {
        var review = Active();
        var change = ReviewSteps.CloseIfDue(review, End)!;

        var followed = ReviewSteps.FollowUp(review, change);

        Assert.Same(change.Events, followed.Events);
        Assert.Equal([Record], followed.Outbox);
    }

    [Fact]
    public void FollowUp_NewPendingDecision_SendsTheWorkThatAppliesIt()
    {
        var review = Active();
        var change = ReviewSteps.OnDecided(review.Decide(At, Reviewer, Big("aim1", 100), AccessAction.REVOKE_ACCESS));

        var followed = ReviewSteps.FollowUp(review, change);

        Assert.Equal([Apply], followed.Outbox);
    }

    [Fact]
    public void FollowUp_ExpiryWithAutomaticRejections_RecordsTheDecisionsAndAppliesTheRejections()
    {
        var review = Active(expiry: ExpirationBehavior.AUTO_REJECT_INCOMPLETE);
        var change = ReviewSteps.CloseIfDue(review, End)!;

        var followed = ReviewSteps.FollowUp(review, change);

        Assert.Equal([Record, Apply], followed.Outbox);
    }

    [Fact]
    public void FollowUp_ReArmedTimer_KeepsItsOutboxAndAddsNothing()
    {
        var review = Active();
        var change = ReviewSteps.OnEndTimer(review, new ReviewEndTimer(Id, End), At)!;

        var followed = ReviewSteps.FollowUp(review, change);

        Assert.Same(change, followed);
        Assert.Equal([new OutgoingMessage(ReviewQueues.Control, new ReviewEndTimer(Id, End, 1), End)], followed.Outbox);
    }

    [Fact]
    public void FollowUp_SmallDecision_SameChange()
    {
        var review = Active();
        var change = ReviewSteps.OnDecided(review.Decide(At, Reviewer, new DecisionTarget(Item("aim1"), [Sub("aim1", "sai1")]), AccessAction.REVOKE_ACCESS));

        Assert.Same(change, ReviewSteps.FollowUp(review, change));
    }

    [Fact]
    public void FollowUp_DecisionWhileAnEarlierOneIsPending_DoesNotSendItsWorkAgain()
    {
        var review = Active();
        review.Decide(At, Reviewer, Big("aim1", 100), AccessAction.REVOKE_ACCESS);
        var change = ReviewSteps.OnDecided(review.Decide(At.AddMinutes(1), Reviewer, new DecisionTarget(Item("aim2"), []), AccessAction.REVOKE_ACCESS));

        var followed = ReviewSteps.FollowUp(review, change);

        Assert.Same(change, followed);
        Assert.Single(review.State.Pending);
    }

    [Fact]
    public void FollowUp_TimerHopWhileADecisionIsPending_OnlyTheHop()
    {
        var review = Active();
        review.Decide(At, Reviewer, Big("aim1", 100), AccessAction.REVOKE_ACCESS);
        var change = ReviewSteps.OnEndTimer(review, new ReviewEndTimer(Id, End, 4), At.AddDays(1))!;

        var followed = ReviewSteps.FollowUp(review, change);

        Assert.Equal([new OutgoingMessage(ReviewQueues.Control, new ReviewEndTimer(Id, End, 5), End)], followed.Outbox);
    }
}
