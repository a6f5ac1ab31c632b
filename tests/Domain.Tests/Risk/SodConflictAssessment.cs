using AccessReviewFunctions.Domain.Reviews.Risk;
using static AccessReviewFunctions.Domain.Tests.Risk.RiskFactory;

namespace AccessReviewFunctions.Domain.Tests.Risk;

public sealed class SodConflictAssessment
{
    private static readonly SodRule DeployAndApprove = new("sod1", "Deploy vs approve", "ent-deploy", "0oaapprover", Severity.HIGH);

    [Fact]
    public void NoRules_NoSodAnomalyAndNone()
    {
        var risk = Assess(held: new HashSet<string> { "0oaapprover" });

        Assert.Equal(Severity.NONE, risk.SodConflict);
        Assert.DoesNotContain(risk.Anomalies, a => a.Type == AnomalyType.SOD_CONFLICT);
        Assert.Equal(3, risk.Anomalies.Count);
    }

    [Fact]
    public void RuleMatchesThroughSubItem_AppItemGetsRuleSeverity()
    {
        var risk = Assess(subItems: [Value("ent-deploy")], rules: [DeployAndApprove], held: new HashSet<string> { "ent-deploy", "0oaapprover" });

        var anomaly = Single(risk, AnomalyType.SOD_CONFLICT);
        Assert.Equal(Severity.HIGH, risk.SodConflict);
        Assert.Equal(Severity.HIGH, anomaly.Severity);
        Assert.Equal("This access conflicts with {1}, which the user also has, under the separation of duties rule {0}.", anomaly.Subtext.Message);
        Assert.Equal(new[] { new AnomalyArg("Deploy vs approve", "STRING"), new AnomalyArg("0oaapprover", "STRING") }, anomaly.Subtext.Args);
    }

    [Fact]
    public void RuleSidesReversed_StillMatchesAndNamesOtherSide()
    {
        var rule = new SodRule("sod2", "Code vs prod", "0oaprod", AppId, Severity.MEDIUM);

        var risk = Assess(rules: [rule], held: new HashSet<string> { AppId, "0oaprod" });

        Assert.Equal(Severity.MEDIUM, risk.SodConflict);
        Assert.Equal("0oaprod", Single(risk, AnomalyType.SOD_CONFLICT).Subtext.Args[1].Value);
    }

    [Fact]
    public void OtherSideNotHeld_NoConflict() =>
        Assert.Equal(Severity.NONE, Assess(subItems: [Value("ent-deploy")], rules: [DeployAndApprove], held: new HashSet<string> { "ent-deploy" }).SodConflict);

    [Fact]
    public void NeitherSideIsThisItem_NoConflict() =>
        Assert.Equal(Severity.NONE, Assess(rules: [DeployAndApprove], held: new HashSet<string> { "ent-deploy", "0oaapprover" }).SodConflict);

    [Fact]
    public void SeveralRulesMatch_OneAnomalyEachAndHighestWins()
    {
        var low = new SodRule("sod0", "Minor", AppId, "0oaapprover", Severity.LOW);

        var risk = Assess(subItems: [Value("ent-deploy")], rules: [low, DeployAndApprove], held: new HashSet<string> { "0oaapprover" });

        Assert.Equal(Severity.HIGH, risk.SodConflict);
        Assert.Equal(new[] { Severity.HIGH, Severity.LOW }, risk.Anomalies.Where(a => a.Type == AnomalyType.SOD_CONFLICT).Select(a => a.Severity));
    }
}
