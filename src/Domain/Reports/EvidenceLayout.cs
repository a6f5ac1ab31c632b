using System.Globalization;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;

namespace AccessReviewFunctions.Domain.Reports;

/// <summary>
/// The CSV layout of a review's evidence: every access item, then its sub-access items, each with its decision.
/// Remediation columns stay empty until remediation records an outcome on the item.
/// </summary>
public static class EvidenceLayout
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "Access Item Id", "Parent Access Item Id", "Type", "Resource Id", "Name", "Decision", "Decided By", "Decided At",
        "Automatic", "Note", "Remediation Status", "Remediation Time",
    ];

    /// <summary>Each access item followed by its sub-items, in the order given.</summary>
    public static IEnumerable<string[]> Rows(AccessRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var subs = rows.SubItems.ToLookup(s => s.AccessItemId, StringComparer.Ordinal);
        foreach (var item in rows.Items)
        {
            yield return Row(item.Id, string.Empty, AccessItem.Type, item.AppId, item.Label, item.Decision);
            foreach (var sub in subs[item.Id])
            {
                yield return Row(sub.Id, item.Id, sub.Type, sub.ResourceId, sub.Name, sub.Decision);
            }
        }
    }

    private static string[] Row(string id, string parent, string type, string resourceId, string name, ItemDecision? decision) =>
    [
        id, parent, type, resourceId, name,
        decision?.Decision.ToString() ?? "UNDECIDED",
        decision?.DecidedBy ?? string.Empty,
        decision?.DecidedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) ?? string.Empty,
        decision is null ? string.Empty : decision.Automatic ? "true" : "false",
        decision?.Note ?? string.Empty,
        string.Empty,
        string.Empty,
    ];
}
