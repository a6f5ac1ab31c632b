using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Risk;
using static AccessReviewFunctions.Domain.Tests.Risk.RiskFactory;

namespace AccessReviewFunctions.Domain.Tests.Risk;

public sealed class SubItemAssessment
{
    private static RiskAssessment AssessSub(
        SubAccessItem sub,
        AccessItem? parent = null,
        IReadOnlyList<PastDecision>? past = null,
        IReadOnlyList<SodRule>? rules = null,
        HashSet<string>? held = null) =>
        AccessRisk.Assess(sub, parent ?? Item(), Stats(individual: 1, group: 3), past ?? [], rules ?? [], HeldResources.Of(held ?? []), Now);

    [Fact]
    public void InheritsUsageOfItsApp() =>
        Assert.Equal(Severity.HIGH, AssessSub(Value(), Item(neverAccessed: true)).UsageHistory);

    [Fact]
    public void Group_IsAssessedAsGroupAssignment()
    {
        var anomaly = Single(AssessSub(Group()), AnomalyType.ASSIGNMENT_METHOD);

        Assert.Equal(Severity.LOW, anomaly.Severity);
        Assert.Equal("The user was assigned to the group directly, aligning with {0}% of users who were assigned the same way", anomaly.Subtext.Message);
        Assert.Equal("75", anomaly.Subtext.Args[0].Value);
    }

    [Fact]
    public void EntitlementValue_UsesItsOwnAssignmentType()
    {
        var risk = AssessSub(Value(assignmentType: "INDIVIDUAL"), Item(assignmentType: "GROUP"));

        Assert.Equal(Severity.MEDIUM, risk.AssignmentMethod);
        Assert.Equal("75", Single(risk, AnomalyType.ASSIGNMENT_METHOD).Subtext.Args[0].Value);
    }

    [Fact]
    public void PastDecisions_MatchItsResourceIdNotTheApp()
    {
        var past = new[] { new PastDecision("ent1", "REVOKE_ACCESS", Now.AddDays(-400), "sar-old"), new PastDecision(AppId, "KEEP", Now.AddDays(-10), "sar-old") };

        Assert.Equal(Severity.HIGH, AssessSub(Value("ent1"), past: past).PastGovernanceDecisions);
    }

    [Fact]
    public void Sod_MatchesItsOwnResourceOnly()
    {
        var onApp = new SodRule("sod1", "App rule", AppId, "0oaother", Severity.HIGH);
        var onValue = new SodRule("sod2", "Value rule", "ent1", "0oaother", Severity.MEDIUM);
        var held = new HashSet<string> { AppId, "ent1", "0oaother" };

        var risk = AssessSub(Value("ent1"), rules: [onApp, onValue], held: held);

        Assert.Equal(Severity.MEDIUM, risk.SodConflict);
        Assert.Equal("Value rule", Single(risk, AnomalyType.SOD_CONFLICT).Subtext.Args[0].Value);
    }
}
