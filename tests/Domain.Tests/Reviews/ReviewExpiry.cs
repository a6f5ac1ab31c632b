using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
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

        Assert.Contains(new Violation(Fields.Principal, ViolationCode.LimitReached, "00utarget already has 5 active or pending reviews; at most 5 are allowed"), error.Causes);
    }

    [Fact]
    public void EndTime_AutoReject_RecordsRejectionsOfUndecidedAtCloseWithNote()
    {
        var review = Active(3, expiry: ExpirationBehavior.AUTO_REJECT_INCOMPLETE, note: "Not reviewed in time");
        var decided = review.Decide(ReviewFactory.Now.AddHours(1), "r", Target(Item("aim1")), AccessAction.REVOKE_ACCESS).Item;
        var end = review.State.EndTime;

        var events = review.Expire(end);

        Assert.Equal(["closed the review: the end time was reached", "automatically revoked 2 undecided access items at the end time: Not reviewed in time"], events.Select(e => e.Describe()));
        Assert.Equal((3, 3), (review.State.DecidedCount, review.State.RevokedCount));
        var automatic = new ItemDecision(AccessAction.REVOKE_ACCESS, "system", end, true, "Not reviewed in time");
        var view = review.View(new AccessRows([decided, Item("aim2"), Item("aim3")], [Sub("aim2", "sai1")]));
        Assert.Equal([decided.Decision, automatic, automatic], view.Items.Select(i => i.Decision));
        Assert.Equal(automatic, Assert.Single(view.SubItems).Decision);
    }

    [Fact]
    public void EndTime_AutoReject_RowsWrittenByApplyPending()
    {
        var review = Active(2, expiry: ExpirationBehavior.AUTO_REJECT_INCOMPLETE);
        review.Expire(review.State.EndTime);

        var rows = review.ApplyPending(new AccessRows([Item("aim1"), Item("aim2")], [Sub("aim1", "sai1")]));

        Assert.Equal((2, 1), (rows.Items.Count, rows.SubItems.Count));
        Assert.All(rows.Items, i => Assert.Equal(review.State.Revision, i.Revision));
        Assert.Empty(review.State.Pending);
    }

    [Fact]
    public void EndTime_DoNothing_NoRejectionsOwed()
    {
        var review = Active(2);

        Assert.Single(review.Expire(review.State.EndTime));
        Assert.Empty(review.State.Pending);
        Assert.Throws<DomainException>(() => review.ApplyPending(new AccessRows([Item("aim1")], [])));
    }

    [Fact]
    public void ManualClose_AutoReject_NoRejectionsOwed()
    {
        var review = Active(2, expiry: ExpirationBehavior.AUTO_REJECT_INCOMPLETE);

        review.Close(ReviewFactory.Now.AddHours(1), "r", CloseReason.Manual);

        Assert.Empty(review.State.Pending);
    }

    [Fact]
    public void EndTime_AutoRejectWhilePending_ClosesWithoutRejections()
    {
        var request = ReviewFactory.Request() with { ExpirationBehavior = ExpirationBehavior.AUTO_REJECT_INCOMPLETE };
        var review = SecurityAccessReview.Open("sar1", request, ReviewFactory.Known, "a", ReviewFactory.Now, ReviewSettings.Default).Review;

        Assert.Single(review.Expire(review.State.EndTime));
        Assert.Empty(review.State.Pending);
    }
}
