using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Access;

namespace AccessReviewFunctions.Domain.Reviews.Risk;

/// <summary>
/// Scores access and sub-access items on Okta's four risk factors (see RULES.md beside this file). Pure: the
/// current time, past decisions and rules are all arguments.
/// </summary>
public static class AccessRisk
{
    /// <summary>Assesses an app-level access item; SoD rules match the app id or any of its sub-items' resource ids.</summary>
    public static RiskAssessment Assess(
        AccessItem item,
        IReadOnlyList<SubAccessItem> itsSubItems,
        AppAssignmentStats? stats,
        IReadOnlyList<PastDecision> past,
        IReadOnlyList<SodRule> rules,
        HeldResources principalResources,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        var resources = itsSubItems.Select(s => s.ResourceId).Append(item.AppId).ToHashSet(StringComparer.Ordinal);
        return Combine(
            UsageHistoryRule.Assess(item.AssignedDate, item.LastAccess, item.ApplicationUsage, now),
            AssignmentMethodRule.Assess(item.AssignmentType, "app", stats),
            PastDecisionsRule.Assess(item.AppId, item.AssignedDate, past),
            SodConflictRule.Assess(resources, rules, principalResources));
    }

    /// <summary>
    /// Assesses a group, entitlement value or bundle of <paramref name="parent"/>: usage history is the app's;
    /// assignment method is the entitlement's assignment type (GROUP for groups); decisions and SoD use its resource id.
    /// </summary>
    public static RiskAssessment Assess(
        SubAccessItem subItem,
        AccessItem parent,
        AppAssignmentStats? stats,
        IReadOnlyList<PastDecision> past,
        IReadOnlyList<SodRule> rules,
        HeldResources principalResources,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subItem);
        ArgumentNullException.ThrowIfNull(parent);
        var isGroup = subItem.Type == SubAccessTypes.Group;
        var assignment = isGroup ? nameof(AssignmentType.GROUP) : subItem.EntitlementInfo?.AssignmentType;
        var subject = isGroup ? "group" : subItem.EntitlementInfo?.Type == SubAccessTypes.EntitlementBundle ? "bundle" : "entitlement";
        return Combine(
            UsageHistoryRule.Assess(parent.AssignedDate, parent.LastAccess, parent.ApplicationUsage, now),
            AssignmentMethodRule.Assess(assignment, subject, stats),
            PastDecisionsRule.Assess(subItem.ResourceId, parent.AssignedDate, past),
            SodConflictRule.Assess(new HashSet<string>(StringComparer.Ordinal) { subItem.ResourceId }, rules, principalResources));
    }

    private static RiskAssessment Combine(Anomaly usage, Anomaly method, Anomaly decisions, IReadOnlyList<Anomaly> conflicts) => new(
        usage.Severity,
        method.Severity,
        decisions.Severity,
        conflicts.Count == 0 ? Severity.NONE : conflicts.Max(c => c.Severity),
        [usage, method, decisions, .. conflicts]);
}
