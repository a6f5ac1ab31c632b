using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Domain.Reviews.Access;

/// <summary>What the risk rules need besides the access itself: who else holds each app and how, earlier decisions, SoD rules.</summary>
public sealed record RiskContext(
    IReadOnlyDictionary<string, AppAssignmentStats> Stats,
    IReadOnlyList<PastDecision> PastDecisions,
    IReadOnlyList<SodRule> SodRules,
    DateTimeOffset Now)
{
    public AppAssignmentStats? StatsFor(string appId) => Stats.GetValueOrDefault(appId);
}
