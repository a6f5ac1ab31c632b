using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Domain.Tests.Risk;

internal static class RiskFactory
{
    public static readonly DateTimeOffset Now = new(2025, 6, 20, 12, 0, 0, TimeSpan.Zero);
    public const string AppId = "0oagithub00000000000";

    /// <summary>Assigned a year ago, used 50 times, last yesterday: LOW on every factor unless changed.</summary>
    public static AccessItem Item(
        string label = "GitHub",
        string appId = AppId,
        DateTimeOffset? assigned = null,
        string assignmentType = "INDIVIDUAL",
        int usage = 50,
        DateTimeOffset? lastAccess = default,
        bool neverAccessed = false) =>
        new($"aim-{label}", appId, "GitHub", label, assigned ?? Now.AddDays(-365), assignmentType, usage,
            neverAccessed ? null : lastAccess ?? Now.AddDays(-1), [], [], []);

    public static SubAccessItem Group(string resourceId = "00g1") =>
        new("sai-" + resourceId, "aim-GitHub", resourceId, "GitHub Admins", SubAccessTypes.Group, null, null);

    public static SubAccessItem Value(string resourceId = "ent1", string assignmentType = "INDIVIDUAL") =>
        new("sai-" + resourceId, "aim-GitHub", resourceId, "Role: Owner", SubAccessTypes.EntitlementValue, null,
            new EntitlementInfo(SubAccessTypes.EntitlementValue, null, null, assignmentType, [], []));

    public static AppAssignmentStats Stats(int individual = 10, int group = 0, int request = 0) =>
        new(AppId, new Dictionary<AssignmentType, int>
        {
            [AssignmentType.INDIVIDUAL] = individual,
            [AssignmentType.GROUP] = group,
            [AssignmentType.ACCESS_REQUEST] = request,
        });

    public static RiskAssessment Assess(
        AccessItem? item = null,
        IReadOnlyList<SubAccessItem>? subItems = null,
        AppAssignmentStats? stats = null,
        bool noStats = false,
        IReadOnlyList<PastDecision>? past = null,
        IReadOnlyList<SodRule>? rules = null,
        HashSet<string>? held = null) =>
        AccessRisk.Assess(item ?? Item(), subItems ?? [], noStats ? null : stats ?? Stats(), past ?? [], rules ?? [], HeldResources.Of(held ?? []), Now);

    public static Anomaly Single(RiskAssessment risk, AnomalyType type) => Assert.Single(risk.Anomalies, a => a.Type == type);
}
