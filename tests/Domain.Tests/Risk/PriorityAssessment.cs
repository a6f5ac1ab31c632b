using AccessReviewFunctions.Domain.Reviews.Risk;
using static AccessReviewFunctions.Domain.Tests.Risk.RiskFactory;

namespace AccessReviewFunctions.Domain.Tests.Risk;

public sealed class PriorityAssessment
{
    [Fact]
    public void AllFactorsLow_PriorityLowAndThreeAnomaliesInOrder()
    {
        var risk = Assess();

        Assert.Equal(Severity.LOW, risk.Priority);
        Assert.Equal(new[] { AnomalyType.USAGE_HISTORY, AnomalyType.ASSIGNMENT_METHOD, AnomalyType.PAST_GOVERNANCE_DECISIONS }, risk.Anomalies.Select(a => a.Type));
    }

    [Fact]
    public void OneMediumFactor_PriorityMedium() =>
        Assert.Equal(Severity.MEDIUM, Assess(Item(usage: 1)).Priority);

    [Fact]
    public void HighestFactorWins()
    {
        var risk = Assess(Item(usage: 1), stats: Stats(individual: 1, group: 9));

        Assert.Equal((Severity.MEDIUM, Severity.HIGH), (risk.UsageHistory, risk.AssignmentMethod));
        Assert.Equal(Severity.HIGH, risk.Priority);
    }

    [Fact]
    public void SodConflictAlone_RaisesPriority()
    {
        var rule = new SodRule("sod1", "Rule", AppId, "0oaother", Severity.HIGH);

        Assert.Equal(Severity.HIGH, Assess(rules: [rule], held: new HashSet<string> { "0oaother" }).Priority);
    }

    [Fact]
    public void AllNone_PriorityIsAtLeastLow() =>
        Assert.Equal(Severity.LOW, new RiskAssessment(Severity.NONE, Severity.NONE, Severity.NONE, Severity.NONE, []).Priority);
}
