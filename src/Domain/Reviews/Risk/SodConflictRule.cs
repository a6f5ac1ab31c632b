namespace AccessReviewFunctions.Domain.Reviews.Risk;

/// <summary>Separation-of-duties rules with one side among this item's resources and the other held by the principal.</summary>
internal static class SodConflictRule
{
    public static IReadOnlyList<Anomaly> Assess(IReadOnlySet<string> itemResourceIds, IReadOnlyList<SodRule> rules, HeldResources held) =>
        rules
            .Select(rule => (Rule: rule, Other: Conflicting(rule, itemResourceIds, held)))
            .Where(m => m.Other is not null && m.Rule.Severity > Severity.NONE)
            .OrderByDescending(m => m.Rule.Severity)
            .ThenBy(m => m.Rule.Id, StringComparer.Ordinal)
            .Select(m => RiskArgs.Anomaly(
                AnomalyType.SOD_CONFLICT,
                m.Rule.Severity,
                Conflict(m.Rule, m.Other!, itemResourceIds, held),
                "This access conflicts with {1}, which the user also has, under the separation of duties rule {0}.",
                RiskArgs.Text(m.Rule.Name),
                RiskArgs.Text(held.NameOf(m.Other!))))
            .ToList();

    private static SodConflict Conflict(SodRule rule, string other, IReadOnlySet<string> mine, HeldResources held) => new(
        rule.Id,
        rule.Name,
        [.. new[] { rule.ResourceIdA, rule.ResourceIdB }.Select(id => new SodConflictSide(id, held.NameOf(id), id != other && mine.Contains(id)))]);

    private static string? Conflicting(SodRule rule, IReadOnlySet<string> mine, HeldResources held)
    {
        if (rule.ResourceIdA == rule.ResourceIdB)
        {
            return null;
        }

        if (mine.Contains(rule.ResourceIdA) && held.Contains(rule.ResourceIdB))
        {
            return rule.ResourceIdB;
        }

        return mine.Contains(rule.ResourceIdB) && held.Contains(rule.ResourceIdA) ? rule.ResourceIdA : null;
    }
}
