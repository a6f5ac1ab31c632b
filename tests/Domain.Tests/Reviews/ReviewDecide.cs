using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using static AccessReviewFunctions.Domain.Tests.Reviews.DecisionFactory;

namespace AccessReviewFunctions.Domain.Tests.Reviews;

public sealed class ReviewDecide
{
    private static readonly DateTimeOffset At = ReviewFactory.Now.AddHours(1);

    [Fact]
    public void Revoke_Item_RevokesEverySubItemAndCounts()
    {
        var review = Active(2);

        var result = review.Decide(At, "00ureviewer1", Target(Item("aim1"), Sub("aim1", "sai1"), Sub("aim1", "sai2")), AccessAction.REVOKE_ACCESS);

        Assert.True(result.Item.Revoked);
        Assert.Equal("00ureviewer1", result.Item.Decision!.DecidedBy);
        Assert.Equal(At, result.Item.Decision.DecidedAt);
        Assert.Equal(2, result.ChangedSubItems.Count);
        Assert.All(result.ChangedSubItems, s => Assert.True(s.Revoked));
        Assert.Equal((1, 1), (review.State.DecidedCount, review.State.RevokedCount));
        Assert.Equal("revoked access to AIM1", Assert.Single(result.Events).Describe());
        Assert.Equal([AccessAction.RESTORE_ACCESS, AccessAction.FLAG_FOR_MANUAL_RESTORATION], result.Item.SupportedActions);
    }

    [Fact]
    public void Restore_RevokedItem_RestoresSubItemsKeepsDecidedCount()
    {
        var review = Active(2);
        var revoked = review.Decide(At, "r", Target(Item("aim1"), Sub("aim1", "sai1")), AccessAction.REVOKE_ACCESS);

        var result = review.Decide(At, "r", Target(revoked.Item, [.. revoked.ChangedSubItems]), AccessAction.RESTORE_ACCESS);

        Assert.False(result.Item.Revoked);
        Assert.Equal(AccessAction.RESTORE_ACCESS, result.Item.Decision!.Decision);
        Assert.False(Assert.Single(result.ChangedSubItems).Revoked);
        Assert.Equal((1, 0), (review.State.DecidedCount, review.State.RevokedCount));
        Assert.Equal([AccessAction.REVOKE_ACCESS, AccessAction.FLAG_FOR_MANUAL_REMEDIATION], result.Item.SupportedActions);
    }

    [Fact]
    public void Revoke_SubItemOnly_ItemUndecided()
    {
        var review = Active(1);

        var result = review.Decide(At, "r", new DecisionTarget(Item("aim1"), [Sub("aim1", "sai1"), Sub("aim1", "sai2")], "sai2"), AccessAction.REVOKE_ACCESS);

        Assert.Null(result.Item.Decision);
        Assert.Equal("sai2", Assert.Single(result.ChangedSubItems).Id);
        Assert.Equal(0, review.State.DecidedCount);
        Assert.Equal("revoked access to AIM1: sai2", Assert.Single(result.Events).Describe());
    }

    [Theory]
    [InlineData(true, AccessAction.REVOKE_ACCESS)]
    [InlineData(false, AccessAction.RESTORE_ACCESS)]
    public void Decide_NoChange_Rejected(bool revoked, AccessAction action)
    {
        var review = Active(1);
        var decision = revoked ? new ItemDecision(AccessAction.REVOKE_ACCESS, "r", At) : null;

        var error = Assert.Throws<DomainException>(() => review.Decide(At, "r", Target(Item("aim1", decision)), action));

        Assert.Equal(DomainErrorKind.InvalidTransition, error.Kind);
        Assert.Equal(0, review.State.DecidedCount);
    }

    [Fact]
    public void RestoreSubItem_ItemRevoked_Rejected()
    {
        var revoked = new ItemDecision(AccessAction.REVOKE_ACCESS, "r", At);
        var target = new DecisionTarget(Item("aim1", revoked), [Sub("aim1", "sai1", revoked)], "sai1");

        Assert.Throws<DomainException>(() => Active(1).Decide(At, "r", target, AccessAction.RESTORE_ACCESS));
    }

    [Fact]
    public void Decide_UnknownSubItem_NotFound()
    {
        var error = Assert.Throws<DomainException>(() =>
            Active(1).Decide(At, "r", new DecisionTarget(Item("aim1"), [], "saiX"), AccessAction.REVOKE_ACCESS));

        Assert.Equal(DomainErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void Decide_PendingOrClosed_Rejected()
    {
        Assert.Throws<DomainException>(() => ReviewFactory.Pending().Decide(At, "r", Target(Item("aim1")), AccessAction.REVOKE_ACCESS));
        Assert.Throws<DomainException>(() => ReviewFactory.Closed().Decide(At, "r", Target(Item("aim1")), AccessAction.REVOKE_ACCESS));
    }

    [Fact]
    public void AutoComplete_LastItemDecided_ClosesCompleted()
    {
        var review = Active(2, autoComplete: true);
        review.Decide(At, "r", Target(Item("aim1")), AccessAction.REVOKE_ACCESS);
        Assert.Equal(ReviewStatus.ACTIVE, review.Status);

        var result = review.Decide(At, "r", Target(Item("aim2")), AccessAction.REVOKE_ACCESS);

        Assert.Equal(ReviewStatus.CLOSED, review.Status);
        Assert.Equal(CloseReason.Completed, review.State.CloseReason);
        Assert.Equal("closed the review: completed, every access item has a decision", result.Events[^1].Describe());
        Assert.True(result.Events[^1].SystemGenerated);
    }

    [Fact]
    public void AutoCompleteOff_AllDecided_StaysActive()
    {
        var review = Active(1);

        review.Decide(At, "r", Target(Item("aim1")), AccessAction.REVOKE_ACCESS);

        Assert.Equal(ReviewStatus.ACTIVE, review.Status);
    }
}
