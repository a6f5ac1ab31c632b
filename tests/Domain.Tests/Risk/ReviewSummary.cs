using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Risk;
using static AccessReviewFunctions.Domain.Tests.Risk.RiskFactory;

namespace AccessReviewFunctions.Domain.Tests.Risk;

public sealed class ReviewSummary
{
    private static (AccessItem, RiskAssessment) Entry(string label, Severity usage, Severity method = Severity.LOW, Severity decisions = Severity.LOW) =>
        (Item(label: label), new RiskAssessment(usage, method, decisions, Severity.NONE,
        [
            new Anomaly(AnomalyType.USAGE_HISTORY, usage, new AnomalySubtext("u", [])),
            new Anomaly(AnomalyType.ASSIGNMENT_METHOD, method, new AnomalySubtext("m", [])),
            new Anomaly(AnomalyType.PAST_GOVERNANCE_DECISIONS, decisions, new AnomalySubtext("p", [])),
        ]));

    [Fact]
    public void MixedItems_CountsAndListsTopFiveByPriorityThenLabel()
    {
        var items = new[]
        {
            Entry("Slack", Severity.LOW),
            Entry("jira", Severity.MEDIUM),
            Entry("GitHub", Severity.HIGH, decisions: Severity.HIGH),
            Entry("Box", Severity.MEDIUM, method: Severity.MEDIUM),
            Entry("AWS Console", Severity.LOW, method: Severity.HIGH),
            Entry("Zoom", Severity.MEDIUM),
            Entry("Figma", Severity.MEDIUM),
        };

        Assert.Equal(
            "This review covers 7 access items: 2 high, 4 medium, 1 low priority.\nHighest priority items:\n" +
            "1. AWS Console (HIGH): Assignment method\n" +
            "2. GitHub (HIGH): Usage history, Past governance decisions\n" +
            "3. Box (MEDIUM): Usage history, Assignment method\n" +
            "4. Figma (MEDIUM): Usage history\n" +
            "5. jira (MEDIUM): Usage history\n",
            RiskSummary.ForReview(items));
    }

    [Fact]
    public void AllLow_SaysNoneAboveLow() =>
        Assert.Equal(
            "This review covers 1 access item: 0 high, 0 medium, 1 low priority.\nNo access items have a priority above low.\n",
            RiskSummary.ForReview([Entry("Slack", Severity.LOW)]));

    [Fact]
    public void NoItems_SaysSo() =>
        Assert.Equal("This review covers no access items.\n", RiskSummary.ForReview([]));
}
