using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using static AccessReviewFunctions.Domain.Tests.Reviews.DecisionFactory;

namespace AccessReviewFunctions.Domain.Tests.Reviews;

public sealed class ReviewUpdate
{
    private static readonly DateTimeOffset At = ReviewFactory.Now.AddHours(1);

    [Fact]
    public void Update_NameEndTimeReviewers_ChangedAndDescribed()
    {
        var review = Active(1);
        var end = ReviewFactory.Now.AddDays(30);

        var events = review.Update(At, "00uadmin", new ReviewPatch("New name", end, ["00ureviewer2"]), ReviewFactory.Known);

        Assert.Equal(("New name", end, "00ureviewer2"), (review.State.Name, review.State.EndTime, Assert.Single(review.State.ReviewerIds)));
        Assert.Equal("updated the review: renamed it to New name; changed the end time to 2026-03-31T12:00:00Z; changed the reviewers to 00ureviewer2", Assert.Single(events).Describe());
    }

    [Fact]
    public void Update_InvalidValues_AllReportedNothingChanged()
    {
        var review = Active(1);
        var before = review.State;

        var error = Assert.Throws<DomainException>(() =>
            review.Update(At, "a", new ReviewPatch(" ", ReviewFactory.Now.AddDays(-1), ["00utarget", "00ughost"]), ReviewFactory.Known));

        Assert.Equal(4, error.Causes.Count);
        Assert.Same(before, review.State);
    }

    [Fact]
    public void Update_SameValues_NoEvent()
    {
        var review = Active(1);

        Assert.Empty(review.Update(At, "a", new ReviewPatch(Name: review.State.Name), ReviewFactory.Known));
    }

    [Fact]
    public void Update_Closed_Rejected() =>
        Assert.Throws<DomainException>(() => ReviewFactory.Closed().Update(At, "a", new ReviewPatch("x"), ReviewFactory.Known));

    [Fact]
    public void Update_AutoCompleteOnWhenAllDecided_Closes()
    {
        var review = Active(1);
        review.Decide(At, "r", Target(Item("aim1")), AccessAction.REVOKE_ACCESS);

        var events = review.Update(At, "a", new ReviewPatch(AutoComplete: true), ReviewFactory.Known);

        Assert.Equal(2, events.Count);
        Assert.Equal(ReviewStatus.CLOSED, review.Status);
    }

    [Fact]
    public void RestoreAll_RevokedItems_RestoredWithOneEvent()
    {
        var review = Active(3);
        var revoked = new ItemDecision(AccessAction.REVOKE_ACCESS, "r", At);

        var (restored, summary) = review.RestoreAll(At, "r", new AccessRows([Item("aim1", revoked), Item("aim2"), Item("aim3", revoked)], [Sub("aim1", "sai1", revoked)]));

        Assert.Equal(["aim1", "aim3"], restored.Items.Select(i => i.Id));
        Assert.All(restored.Items, i => Assert.False(i.Revoked));
        Assert.False(Assert.Single(restored.SubItems).Revoked);
        Assert.Equal("restored all revoked access (2 items)", summary.Describe());
        Assert.Equal(0, review.State.RevokedCount);
    }

    [Fact]
    public void RestoreAll_NothingRevoked_Rejected() =>
        Assert.Throws<DomainException>(() => Active(1).RestoreAll(At, "r", new AccessRows([Item("aim1")], [])));

    [Fact]
    public void UniversalLogout_Active_Recorded() =>
        Assert.Equal("requested a universal logout of 00utarget", Active(1).RequestUniversalLogout(At, "r").Describe());
}
