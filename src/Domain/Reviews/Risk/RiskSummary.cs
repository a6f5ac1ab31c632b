using System.Globalization;
using System.Text;
using AccessReviewFunctions.Domain.Reviews.Access;

namespace AccessReviewFunctions.Domain.Reviews.Risk;

/// <summary>Deterministic plain-text summaries in the style of Okta's summary endpoints.</summary>
public static class RiskSummary
{
    /// <summary>The number of items <see cref="ForReview"/> lists under "Highest priority items".</summary>
    public const int TopItems = 5;

    /// <summary>
    /// Explains one item's priority, listing the factors at the priority's level; <paramref name="subjectKind"/> is
    /// "app" or "access" and names the item in the text.
    /// </summary>
    public static string For(RiskAssessment assessment, string subjectKind)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (subjectKind is not ("app" or "access"))
        {
            throw new ArgumentException("subjectKind must be \"app\" or \"access\"", nameof(subjectKind));
        }

        var priority = assessment.Priority;
        var text = new StringBuilder($"This {subjectKind}'s overall priority is: {Title(priority)}\n");
        if (priority == Severity.LOW)
        {
            return text.Append("No risk factors above low were found.\n").ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $"The reasons why this {subjectKind} was assigned priority of {Title(priority)} include:\n");
        var number = 1;
        foreach (var anomaly in assessment.Anomalies.Where(a => a.Severity == priority))
        {
            text.Append(CultureInfo.InvariantCulture, $"{number++}. {Label(anomaly.Type)} ({anomaly.Severity}): {anomaly.Subtext.Render()}\n");
        }

        return text.ToString();
    }

    /// <summary>Counts a review's items by priority and lists the riskiest (above LOW) by priority, then label.</summary>
    public static string ForReview(IEnumerable<(AccessItem Item, RiskAssessment Risk)> items)
    {
        var all = items.ToList();
        if (all.Count == 0)
        {
            return "This review covers no access items.\n";
        }

        int Count(Severity s) => all.Count(i => i.Risk.Priority == s);
        var text = new StringBuilder(
            $"This review covers {all.Count} access item{(all.Count == 1 ? "" : "s")}: {Count(Severity.HIGH)} high, {Count(Severity.MEDIUM)} medium, {Count(Severity.LOW)} low priority.\n");
        var top = all
            .Where(i => i.Risk.Priority > Severity.LOW)
            .OrderByDescending(i => i.Risk.Priority)
            .ThenBy(i => i.Item.Label, StringComparer.OrdinalIgnoreCase)
            .ThenBy(i => i.Item.Id, StringComparer.Ordinal)
            .Take(TopItems)
            .ToList();
        if (top.Count == 0)
        {
            return text.Append("No access items have a priority above low.\n").ToString();
        }

        text.Append("Highest priority items:\n");
        for (var i = 0; i < top.Count; i++)
        {
            var (item, risk) = top[i];
            var factors = risk.Anomalies.Where(a => a.Severity == risk.Priority).Select(a => Label(a.Type)).Distinct();
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {item.Label} ({risk.Priority}): {string.Join(", ", factors)}\n");
        }

        return text.ToString();
    }

    private static string Title(Severity severity) => severity switch
    {
        Severity.HIGH => "High",
        Severity.MEDIUM => "Medium",
        Severity.LOW => "Low",
        _ => "None",
    };

    private static string Label(AnomalyType type) => type switch
    {
        AnomalyType.USAGE_HISTORY => "Usage history",
        AnomalyType.ASSIGNMENT_METHOD => "Assignment method",
        AnomalyType.PAST_GOVERNANCE_DECISIONS => "Past governance decisions",
        _ => "Separation of duties conflict",
    };
}
