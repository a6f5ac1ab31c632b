using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.PriorActions;
using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Domain.Tests.Reviews;

public sealed class PriorActionMapping
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static string? Names(string id) => id == "00urita" ? "Rita Reviewer" : null;

    [Theory]
    [InlineData("REVOKE_ACCESS", "REVOKE_ACCESS", PriorActionType.REVOKE)]
    [InlineData("FLAG_FOR_MANUAL_REMEDIATION", "REVOKE_ACCESS", PriorActionType.REVOKE)]
    [InlineData("RESTORE_ACCESS", "RESTORE_ACCESS", PriorActionType.ACCEPT)]
    [InlineData("FLAG_FOR_MANUAL_RESTORATION", "RESTORE_ACCESS", PriorActionType.ACCEPT)]
    [InlineData(null, "REVOKE_ACCESS", PriorActionType.REVOKE)]
    [InlineData(null, "RESTORE_ACCESS", PriorActionType.ACCEPT)]
    [InlineData(null, "KEEP", PriorActionType.ACCEPT)]
    public void From_ReviewersDecision_UserActionFinalActionSame(string? action, string effect, PriorActionType expected)
    {
        var prior = PriorActionRules.From(new PastDecision("0oaapp", effect, At, "sarr1", action, "00urita", ReviewName: "Q1"), Names);

        Assert.Equal(new PriorAction("sarr1", "Q1", "Rita Reviewer", PriorReviewerType.USER, expected, At, null, 1, expected, false, false), prior);
    }

    [Fact]
    public void From_AutomaticRejection_RevokeBySystemAutoActionedWithNote()
    {
        var prior = PriorActionRules.From(
            new PastDecision("0oaapp", "REVOKE_ACCESS", At, "sarr1", "REVOKE_ACCESS", SecurityAccessReview.SystemActor, Automatic: true, Note: "expired", ReviewName: "Q1", HasSodViolation: true),
            Names);

        Assert.Equal(new PriorAction("sarr1", "Q1", "System", PriorReviewerType.SYSTEM, PriorActionType.REVOKE, At, "expired", 1, PriorActionType.REVOKE, true, true), prior);
    }

    [Fact]
    public void From_RowLoggedBeforeDetails_ReviewIdAsCampaignUnknownUser()
    {
        var prior = PriorActionRules.From(new PastDecision("0oaapp", "REVOKE_ACCESS", At, "sarr1"), Names);

        Assert.Equal(("sarr1", "Unknown", PriorReviewerType.USER, false), (prior.CampaignName, prior.ReviewerName, prior.ReviewerType, prior.IsAutoActioned));
    }

    [Fact]
    public void From_ReviewerNoLongerInInventory_TheirId()
    {
        var prior = PriorActionRules.From(new PastDecision("0oaapp", "REVOKE_ACCESS", At, "sarr1", "REVOKE_ACCESS", "00ugone"), Names);

        Assert.Equal(("00ugone", PriorReviewerType.USER), (prior.ReviewerName, prior.ReviewerType));
    }

    [Fact]
    public void Order_TiesBrokenByReviewId_DescReversesBoth()
    {
        var a = PriorActionRules.From(new PastDecision("r", "REVOKE_ACCESS", At, "sarr1", "REVOKE_ACCESS", "00urita", ReviewName: "Same"), Names);
        var b = a with { Id = "sarr2" };

        Assert.Equal(["sarr1", "sarr2"], PriorActionRules.Order(new OrderBy(PriorActionRules.CampaignName, SortDirection.Asc)).Sort([b, a]).Select(p => p.Id));
        Assert.Equal(["sarr2", "sarr1"], PriorActionRules.Order(new OrderBy(PriorActionRules.CampaignName, SortDirection.Desc)).Sort([a, b]).Select(p => p.Id));
    }
}
