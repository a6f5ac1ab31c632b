using System.Globalization;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Remediation;

/// <summary>
/// Packs the changes a commit planned into work items: many targets per message, as a queue message costs a send,
/// a receive and a delete whatever it carries; an access item's targets stay in one message, so the changes of one
/// application run in order.
/// </summary>
internal static class RemediationFanOut
{
    /// <summary>Targets per work item: their rows and System Log entries fit one transaction with the header.</summary>
    public const int TargetsPerWorkItem = 40;

    /// <summary>The work items for the rows this commit wrote that wait for their first attempt.</summary>
    public static IEnumerable<OutgoingMessage> Messages(string reviewId, AccessRows written)
    {
        var targets = written.Items.Where(i => i.Remediation?.ReadyToDispatch(i.Revision) == true)
            .Select(i => new RemediationTarget(i.Id, null, i.Remediation!.Generation))
            .Concat(written.SubItems.Where(s => s.Remediation?.ReadyToDispatch(s.Revision) == true)
                .Select(s => new RemediationTarget(s.AccessItemId, s.Id, s.Remediation!.Generation)))
            .OrderBy(t => t.AccessItemId, StringComparer.Ordinal).ThenBy(t => t.SubItemId, StringComparer.Ordinal)
            .ToList();
        return Pack(targets).Select(batch => Work(new RemediateAccess(reviewId, batch)));
    }

    public static OutgoingMessage Work(IWorkflowMessage message, DateTimeOffset? visibleAt = null) => new(RemediationQueues.Work, message, visibleAt);

    /// <summary>The logout work item, when the commit's events ask for a logout (UNIVERSAL_LOGOUT planned it on the header).</summary>
    public static IEnumerable<OutgoingMessage> Logout(SecurityAccessReview review, IEnumerable<ReviewEvent> events) =>
        events.OfType<UniversalLogoutRequested>().Any() && review.State.Logout is { Status: RemediationStatus.PENDING, Attempts: 0 } logout
            ? [Work(new RemediateLogout(review.Id, logout.Generation))]
            : [];

    /// <summary>The id a receiver reports on: review, target and generation.</summary>
    public static string RemediationId(string reviewId, RemediationTarget target) =>
        string.Create(CultureInfo.InvariantCulture, $"{reviewId}.{target.TargetId}.{target.Generation}");

    public static (string ReviewId, string TargetId, int Generation)? ParseRemediationId(string id)
    {
        var parts = id.Split('.');
        return parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var generation)
            ? (parts[0], parts[1], generation)
            : null;
    }

    private static IEnumerable<List<RemediationTarget>> Pack(List<RemediationTarget> targets)
    {
        var batch = new List<RemediationTarget>();
        foreach (var item in targets.GroupBy(t => t.AccessItemId, StringComparer.Ordinal).SelectMany(g => g.Chunk(TargetsPerWorkItem)))
        {
            if (batch.Count > 0 && batch.Count + item.Length > TargetsPerWorkItem)
            {
                yield return batch;
                batch = [];
            }

            batch.AddRange(item);
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
