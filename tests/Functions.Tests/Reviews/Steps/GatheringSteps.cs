using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using static AccessReviewFunctions.Functions.Tests.Reviews.Steps.StepFactory;

namespace AccessReviewFunctions.Functions.Tests.Reviews.Steps;

/// <summary>OnGathered and OnGatherFailed: the gathering activity's outcome, applied to a PENDING review only.</summary>
public sealed class GatheringSteps
{
    private static readonly DateTimeOffset At = Now.AddMinutes(2);

    [Fact]
    public void OnGathered_Pending_ActivatesWithTheItemCount()
    {
        var review = Pending();

        var change = ReviewSteps.OnGathered(review, 12, At);

        Assert.NotNull(change);
        Assert.Equal([new ReviewActivated(Id, At, 12)], change.Events);
        Assert.Empty(change.Outbox);
        Assert.Equal((ReviewStatus.ACTIVE, 12), (review.Status, review.State.AccessItemCount));
    }

    [Fact]
    public void OnGathered_AlreadyActive_Null()
    {
        var review = Active(items: 3);

        Assert.Null(ReviewSteps.OnGathered(review, 12, At));
        Assert.Equal(3, review.State.AccessItemCount);
    }

    [Fact]
    public void OnGathered_ClosedAtItsEndTimeWhileGathering_Null()
    {
        var review = Pending();
        review.Expire(End);

        Assert.Null(ReviewSteps.OnGathered(review, 12, End.AddMinutes(1)));
        Assert.Equal(ReviewStatus.CLOSED, review.Status);
    }

    [Fact]
    public void OnGatherFailed_Pending_ErrorWithTheReason()
    {
        var review = Pending();

        var change = ReviewSteps.OnGatherFailed(review, "IOException: inventory offline", At);

        Assert.NotNull(change);
        Assert.Equal([new ReviewFailed(Id, At, "IOException: inventory offline")], change.Events);
        Assert.Empty(change.Outbox);
        Assert.Equal((ReviewStatus.ERROR, "IOException: inventory offline"), (review.Status, review.State.ErrorReason));
    }

    [Fact]
    public void OnGatherFailed_ActivatedMeanwhile_Null()
    {
        var review = Active();

        Assert.Null(ReviewSteps.OnGatherFailed(review, "late failure", At));
        Assert.Equal(ReviewStatus.ACTIVE, review.Status);
    }
}
