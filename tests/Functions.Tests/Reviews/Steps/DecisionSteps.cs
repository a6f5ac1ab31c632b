using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using static AccessReviewFunctions.Functions.Tests.Reviews.Steps.StepFactory;

namespace AccessReviewFunctions.Functions.Tests.Reviews.Steps;

/// <summary>OnDecided and OnRestoredAll: a reviewer's change becomes the rows it writes and its events, nothing to send.</summary>
public sealed class DecisionSteps
{
    private static readonly DateTimeOffset At = Now.AddHours(1);

    [Fact]
    public void OnDecided_RevokeOfASmallItem_WritesTheItemAndItsSubItems()
    {
        var review = Active();
        var result = review.Decide(At, Reviewer, new DecisionTarget(Item("aim1"), [Sub("aim1", "sai1"), Sub("aim1", "sai2")]), AccessAction.REVOKE_ACCESS);

        var change = ReviewSteps.OnDecided(result);

        Assert.Same(result.Events, change.Events);
        Assert.Empty(change.Outbox);
        Assert.Same(result.Rows, change.Written);
        Assert.Equal(["aim1"], change.Written.Items.Select(i => i.Id));
        Assert.Equal(["sai1", "sai2"], change.Written.SubItems.Select(s => s.Id));
        Assert.All(change.Written.SubItems, s => Assert.Equal(new ItemDecision(AccessAction.REVOKE_ACCESS, Reviewer, At), s.Decision));
    }

    [Fact]
    public void OnDecided_TooLargeForOneStep_WritesNoRowsAndTheDecisionWaitsOnTheHeader()
    {
        var review = Active();
        var result = review.Decide(At, Reviewer, Big("aim1", 100), AccessAction.REVOKE_ACCESS);

        var change = ReviewSteps.OnDecided(result);

        Assert.Equal(["revoked access to AIM1"], change.Events.Select(e => e.Describe()));
        Assert.Equal(0, change.Written.Count);
        Assert.Empty(change.Outbox);
        var pending = Assert.Single(review.State.Pending);
        Assert.Equal((PendingScope.AccessItem, "aim1"), (pending.Scope, pending.AccessItemId));
    }

    [Fact]
    public void OnRestoredAll_RevokedItem_WritesTheRestoredRowsWithOneEvent()
    {
        var review = Active();
        var revoked = review.Decide(At, Reviewer, new DecisionTarget(Item("aim1"), [Sub("aim1", "sai1")]), AccessAction.REVOKE_ACCESS);
        var stored = Write(new AccessRows([Item("aim1"), Item("aim2")], [Sub("aim1", "sai1")]), revoked.Rows);
        var (rows, restored) = review.RestoreAll(At.AddMinutes(1), Reviewer, stored);

        var change = ReviewSteps.OnRestoredAll(rows, restored);

        Assert.Equal([new AllAccessRestored(Id, At.AddMinutes(1), Reviewer, 1)], change.Events);
        Assert.Empty(change.Outbox);
        Assert.Same(rows, change.Written);
        Assert.Equal(["aim1"], change.Written.Items.Select(i => i.Id));
        Assert.Equal(["sai1"], change.Written.SubItems.Select(s => s.Id));
        var restore = new ItemDecision(AccessAction.RESTORE_ACCESS, Reviewer, At.AddMinutes(1));
        Assert.All(change.Written.Items, i => Assert.Equal(restore, i.Decision));
        Assert.All(change.Written.SubItems, s => Assert.Equal(restore, s.Decision));
    }
}
