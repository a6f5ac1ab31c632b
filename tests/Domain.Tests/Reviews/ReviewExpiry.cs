using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using static AccessReviewFunctions.Domain.Tests.Reviews.DecisionFactory;

namespace AccessReviewFunctions.Domain.Tests.Reviews;

public sealed class ReviewExpiry
{
    [Fact]
    public void Open_NoExpirySettings_TakesDefaults()
    {
        var settings = ReviewSettings.Default with { ExpirationBehavior = ExpirationBehavior.AUTO_REJECT_INCOMPLETE, ExpirationNote = "policy", AutoComplete = true };

        var review = SecurityAccessReview.Open("sar1", ReviewFactory.Request(), ReviewFactory.Known, "a", ReviewFactory.Now, settings).Review;

        Assert.Equal((ExpirationBehavior.AUTO_REJECT_INCOMPLETE, "policy", true), (review.State.ExpirationBehavior, review.State.ExpirationNote, review.State.AutoComplete));
    }

    [Fact]
    public void Open_OwnExpirySettings_OverrideDefaults()
    {
        var request = ReviewFactory.Request() with { ExpirationBehavior = ExpirationBehavior.DO_NOTHING, AutoComplete = false };
        var settings = ReviewSettings.Default with { ExpirationBehavior = ExpirationBehavior.AUTO_REJECT_INCOMPLETE, AutoComplete = true };

        var review = SecurityAccessReview.Open("sar1", request, ReviewFactory.Known, "a", ReviewFactory.Now, settings).Review;

        Assert.Equal((ExpirationBehavior.DO_NOTHING, false), (review.State.ExpirationBehavior, review.State.AutoComplete));
    }

    [Fact]
    public void Open_PrincipalAtOpenReviewLimit_Rejected()
    {
        var known = ReviewFactory.Known with { OpenReviewsOfPrincipal = 5 };

        var error = Assert.Throws<DomainException>(() =>
            SecurityAccessReview.Open("sar1", ReviewFactory.Request(), known, "a", ReviewFactory.Now, ReviewSettings.Default));

        Assert.Contains("principalId: 00utarget already has 5 active or pending reviews; at most 5 are allowed", error.Causes);
    }

    [Fact]
    public void EndTime_AutoReject_RevokesOnlyUndecidedWithNoteAtCloseTime()
    {
        var review = Active(3, expiry: ExpirationBehavior.AUTO_REJECT_INCOMPLETE, note: "Not reviewed in time");
        var decided = review.Decide(ReviewFactory.Now.AddHours(1), "r", Target(Item("aim1")), AccessAction.REVOKE_ACCESS).Item;
        var end = review.State.EndTime;
        review.Close(end, null, CloseReason.EndTimeReached);
        Assert.True(review.State.AutoRejectPending);

        var rejections = review.AutoRejections([decided, Item("aim2"), Item("aim3")], [Sub("aim2", "sai1")]);
        var done = review.CompleteAutoRejections(end.AddSeconds(1), [decided, .. rejections.Select(r => r.Item)]);

        Assert.Equal(["aim2", "aim3"], rejections.Select(r => r.Item.Id));
        Assert.All(rejections, r => Assert.Equal(new ItemDecision(AccessAction.REVOKE_ACCESS, "system", end, true, "Not reviewed in time"), r.Item.Decision));
        Assert.True(Assert.Single(rejections[0].ChangedSubItems).Decision!.Automatic);
        Assert.Equal("automatically revoked 2 undecided access items at the end time: Not reviewed in time", done.Describe());
        Assert.Equal((3, 3, false), (review.State.DecidedCount, review.State.RevokedCount, review.State.AutoRejectPending));
    }

    [Fact]
    public void EndTime_DoNothing_NoRejectionsOwed()
    {
        var review = Active(2);
        review.Close(review.State.EndTime, null, CloseReason.EndTimeReached);

        Assert.False(review.State.AutoRejectPending);
        Assert.Throws<DomainException>(() => review.AutoRejections([Item("aim1")], []));
    }

    [Fact]
    public void ManualClose_AutoReject_NoRejectionsOwed()
    {
        var review = Active(2, expiry: ExpirationBehavior.AUTO_REJECT_INCOMPLETE);

        review.Close(ReviewFactory.Now.AddHours(1), "r", CloseReason.Manual);

        Assert.False(review.State.AutoRejectPending);
    }
}
