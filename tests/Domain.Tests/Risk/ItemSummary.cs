using AccessReviewFunctions.Domain.Reviews.Risk;
using static AccessReviewFunctions.Domain.Tests.Risk.RiskFactory;

namespace AccessReviewFunctions.Domain.Tests.Risk;

public sealed class ItemSummary
{
    [Fact]
    public void NoAccessAndMinorityAssignment_ReproducesOktaExample()
    {
        var risk = Assess(Item(neverAccessed: true), stats: Stats(individual: 249, group: 751));

        Assert.Equal(
            "This app's overall priority is: High\nThe reasons why this app was assigned priority of High include:\n1. Usage history (HIGH): The user has not accessed this application in the last 90 days.\n2. Assignment method (HIGH): This user's assignment method differs from 75% of other users who have access to this application.\n",
            RiskSummary.For(risk, "app"));
    }

    [Fact]
    public void ExactlyAQuarterShare_IsMediumSoOnlyUsageIsListed()
    {
        var risk = Assess(Item(neverAccessed: true), stats: Stats(individual: 1, group: 3));

        Assert.Equal(
            "This app's overall priority is: High\nThe reasons why this app was assigned priority of High include:\n1. Usage history (HIGH): The user has not accessed this application in the last 90 days.\n",
            RiskSummary.For(risk, "app"));
    }

    [Fact]
    public void AllLow_SaysNoFactorsAboveLow() =>
        Assert.Equal("This app's overall priority is: Low\nNo risk factors above low were found.\n", RiskSummary.For(Assess(), "app"));

    [Fact]
    public void MediumAccess_ListsMediumFactorsWithArgsFilledIn()
    {
        var past = new[] { new PastDecision(AppId, "REVOKE_ACCESS", Now.AddDays(-100), "sar-old") };

        var risk = Assess(Item(usage: 2, assigned: Now.AddDays(-200)), past: past);

        Assert.Equal(
            "This access's overall priority is: Medium\nThe reasons why this access was assigned priority of Medium include:\n1. Usage history (MEDIUM): The user accessed this application only 2 times in the last 90 days.\n2. Past governance decisions (MEDIUM): The assignment was revoked in a previous review on 2025-03-12 but is still in place.\n",
            RiskSummary.For(risk, "access"));
    }

    [Fact]
    public void SodConflict_NamesRuleAndResource()
    {
        var rule = new SodRule("sod1", "Deploy vs approve", AppId, "0oaapprover", Severity.HIGH);

        var text = RiskSummary.For(Assess(rules: [rule], held: new HashSet<string> { "0oaapprover" }), "app");

        Assert.EndsWith(
            "1. Separation of duties conflict (HIGH): This access conflicts with 0oaapprover, which the user also has, under the separation of duties rule Deploy vs approve.\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSubjectKind_Rejected() =>
        Assert.Throws<ArgumentException>(() => RiskSummary.For(Assess(), "group"));
}
