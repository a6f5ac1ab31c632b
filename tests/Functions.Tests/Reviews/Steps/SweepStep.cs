using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using static AccessReviewFunctions.Functions.Tests.Reviews.Steps.StepFactory;

namespace AccessReviewFunctions.Functions.Tests.Reviews.Steps;

public sealed class SweepStep
{
    private static readonly string[] ItemIds = ["aim1", "aim2"];

    private static readonly DateTimeOffset At = Now.AddHours(1);

    [Fact]
    public void Sweep_PastTheEndTime_ClosesAsTheTimerWould()
    {
        var review = Active();

        var change = ReviewSteps.Sweep(review, End.AddMinutes(3));

        Assert.NotNull(change);
        Assert.Equal([new ReviewClosed(Id, End.AddMinutes(3), null, CloseReason.EndTimeReached)], change.Events);
        Assert.Empty(change.Outbox);
    }

    [Fact]
    public void Sweep_AutoCompleteDue_ClosesAsCompleted()
    {
        var review = StoredWithAutoComplete(decided: 2);

        var change = ReviewSteps.Sweep(review, At);

        Assert.NotNull(change);
        Assert.Equal([new ReviewClosed(Id, At, null, CloseReason.Completed)], change.Events);
        Assert.Equal(ReviewStatus.CLOSED, review.Status);
    }

    [Fact]
    public void Sweep_AutoCompleteWithAnItemUndecided_Null()
    {
        var review = StoredWithAutoComplete(decided: 1);

        Assert.Null(ReviewSteps.Sweep(review, At));
        Assert.Equal(ReviewStatus.ACTIVE, review.Status);
    }

    [Fact]
    public void Sweep_EverythingDecidedWithoutAutoComplete_Null()
    {
        var review = Active(items: 2);
        Decide(review, "aim1", "aim2");

        Assert.Null(ReviewSteps.Sweep(review, At));
        Assert.Equal(ReviewStatus.ACTIVE, review.Status);
    }

    [Fact]
    public void Sweep_Closed_Null()
    {
        Assert.Null(ReviewSteps.Sweep(Closed(), End.AddDays(1)));
    }

    /// <summary>
    /// A review of two items stored with auto-complete on: the domain closes one on its last decision, so a stored one
    /// with every item decided and still ACTIVE is what a lost step leaves behind.
    /// </summary>
    private static SecurityAccessReview StoredWithAutoComplete(int decided)
    {
        var review = Active(items: 2);
        Decide(review, [.. ItemIds.Take(decided)]);
        return SecurityAccessReview.Restore(review.State with { AutoComplete = true });
    }

    private static void Decide(SecurityAccessReview review, params string[] items)
    {
        foreach (var item in items)
        {
            review.Decide(At.AddMinutes(-5), Reviewer, new DecisionTarget(Item(item), []), AccessAction.REVOKE_ACCESS);
        }
    }
}
