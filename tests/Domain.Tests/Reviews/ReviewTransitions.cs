using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews;
using static AccessReviewFunctions.Domain.Tests.Reviews.ReviewFactory;

namespace AccessReviewFunctions.Domain.Tests.Reviews;

public sealed class ReviewTransitions
{
    public static TheoryData<string, string> IllegalTransitions => new()
    {
        { "active", "activate" }, { "closed", "activate" }, { "failed", "activate" },
        { "active", "fail" }, { "closed", "fail" }, { "failed", "fail" },
        { "pending", "close" }, { "closed", "close" }, { "failed", "close" },
        { "closed", "comment" }, { "failed", "comment" },
        { "active", "close-early" }, { "closed", "close-at-end" }, { "failed", "close-at-end" },
    };

    [Fact]
    public void Activate_Pending_BecomesActiveWithSystemEvent()
    {
        var review = Pending();

        var activated = review.Activate(Now.AddSeconds(2), 4);

        Assert.Equal(ReviewStatus.ACTIVE, review.Status);
        Assert.Equal(4, review.State.AccessItemCount);
        Assert.Equal(2, review.State.Revision);
        Assert.True(activated.SystemGenerated);
        Assert.Equal("gathered 4 access items; the review is active", activated.Describe());
    }

    [Fact]
    public void HasAccess_ClosedBeforeItWasGathered_NoneButActivatedThenClosed_Shows()
    {
        var neverGathered = Pending();
        neverGathered.Close(Now.AddDays(8), null, CloseReason.EndTimeReached);
        var gathered = Pending();
        gathered.Activate(Now.AddSeconds(2), 4);
        gathered.Close(Now.AddDays(8), null, CloseReason.EndTimeReached);

        Assert.Equal((false, true), (neverGathered.HasAccess, gathered.HasAccess));
    }

    [Fact]
    public void Fail_Pending_BecomesErrorWithReason()
    {
        var review = Pending();

        var failed = review.Fail(Now, "principal not found");

        Assert.Equal(ReviewStatus.ERROR, review.Status);
        Assert.Equal("data gathering failed: principal not found", failed.Describe());
    }

    [Fact]
    public void Close_ActiveByReviewer_ClosedManualWithActor()
    {
        var review = Active();

        var closed = (ReviewClosed)review.Close(Now.AddHours(1), "00ureviewer1", CloseReason.Manual);

        Assert.Equal(ReviewStatus.CLOSED, review.Status);
        Assert.Equal(CloseReason.Manual, review.State.CloseReason);
        Assert.Equal("00ureviewer1", closed.ActorId);
        Assert.Equal("00ureviewer1", review.State.LastUpdatedBy);
    }

    [Fact]
    public void Close_PendingAtEndTime_Closes()
    {
        var review = Pending();

        review.Close(review.State.EndTime, null, CloseReason.EndTimeReached);

        Assert.Equal(ReviewStatus.CLOSED, review.Status);
    }

    [Fact]
    public void IsDue_OnlyOpenReviewsPastEndTime()
    {
        var active = Active();
        Assert.False(active.IsDue(active.State.EndTime.AddTicks(-1)));
        Assert.True(active.IsDue(active.State.EndTime));
        Assert.False(Closed().IsDue(Now.AddYears(1)));
    }

    [Fact]
    public void Comment_Active_RecordsTrimmedText()
    {
        var comment = Active().Comment(Now, "00ureviewer1", "  looks fine ");

        Assert.Equal("commented: looks fine", comment.Describe());
    }

    [Fact]
    public void Comment_Empty_Rejected()
    {
        var error = Assert.Throws<DomainException>(() => Active().Comment(Now, "00ureviewer1", ""));

        Assert.Equal(DomainErrorKind.Validation, error.Kind);
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Transition_FromWrongState_RejectedAndStateUnchanged(string from, string transition)
    {
        var review = from switch
        {
            "pending" => Pending(),
            "active" => Active(),
            "closed" => Closed(),
            _ => Failed(),
        };
        var before = review.State;

        var error = Assert.Throws<DomainException>(() => Apply(review, transition));

        Assert.Equal(DomainErrorKind.InvalidTransition, error.Kind);
        Assert.Same(before, review.State);
    }

    private static void Apply(SecurityAccessReview review, string transition)
    {
        var later = Now.AddDays(30);
        _ = transition switch
        {
            "activate" => review.Activate(later, 1),
            "fail" => review.Fail(later, "x"),
            "close" => review.Close(later, "00ureviewer1", CloseReason.Manual),
            "comment" => review.Comment(later, "00ureviewer1", "hi"),
            "close-early" => review.Close(review.State.EndTime.AddSeconds(-1), null, CloseReason.EndTimeReached),
            _ => review.Close(later, null, CloseReason.EndTimeReached),
        };
    }
}
