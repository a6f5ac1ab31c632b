using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using static AccessReviewFunctions.Functions.Tests.Reviews.Steps.StepFactory;

namespace AccessReviewFunctions.Functions.Tests.Reviews.Steps;

public sealed class ApplyPendingStep
{
    private static readonly DateTimeOffset At = Now.AddHours(1);

    [Fact]
    public void OnApplyPending_NothingPending_Null()
    {
        var review = Active();

        Assert.Null(ReviewSteps.OnApplyPending(review, new AccessRows([Item("aim1")], [])));
    }

    [Fact]
    public void OnApplyPending_LargeRevoke_WritesOneStepOfRowsAndStaysPending()
    {
        var (review, stored) = LargeRevoke();

        var change = ReviewSteps.OnApplyPending(review, stored);

        Assert.NotNull(change);
        Assert.Empty(change.Events);
        Assert.Empty(change.Outbox);
        Assert.Equal(ReviewLimits.MaxRowsPerStep, change.Written.Count);
        Assert.All(change.Written.SubItems, s => Assert.True(s.Revoked));
        Assert.Single(review.State.Pending);
    }

    [Fact]
    public void OnApplyPending_LastStep_WritesTheRestAndNothingIsLeftPending()
    {
        var (review, stored) = LargeRevoke();
        var first = ReviewSteps.OnApplyPending(review, stored)!;
        stored = Write(stored, first.Written);

        var last = ReviewSteps.OnApplyPending(review, stored);

        Assert.NotNull(last);
        Assert.Equal(101 - ReviewLimits.MaxRowsPerStep, last.Written.Count);
        Assert.Empty(review.State.Pending);
        Assert.Null(ReviewSteps.OnApplyPending(review, Write(stored, last.Written)));
    }

    /// <summary>A revoke of an item with 100 sub-items: 101 rows, recorded on the header as a pending decision.</summary>
    private static (SecurityAccessReview Review, AccessRows Stored) LargeRevoke()
    {
        var review = Active(items: 2);
        var target = Big("aim1", 100);
        review.Decide(At, Reviewer, target, AccessAction.REVOKE_ACCESS);
        return (review, new AccessRows([target.Item, Item("aim2")], target.SubItems));
    }
}
