using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;

namespace AccessReviewFunctions.Domain.Reviews.Remediation;

/// <summary>
/// Which decisions need which downstream change, planned on the rows a decision writes (stamped with its revision):
/// <list type="bullet">
/// <item>REVOKE_ACCESS of an access item: REVOKE of the app grant, which covers its groups, entitlement values and
/// bundles, so the sub-items the revoke cascades to need nothing of their own.</item>
/// <item>REVOKE_ACCESS of one sub-item: REVOKE of that group, entitlement value or bundle.</item>
/// <item>RESTORE_ACCESS (and restore-all): a compensation, RESTORE of what this review removed, only where a revoke
/// was remediated before; a restore of something never revoked downstream needs nothing.</item>
/// </list>
/// <item>FLAG_FOR_MANUAL_REMEDIATION / FLAG_FOR_MANUAL_RESTORATION: the same change, manual: no connector is called,
/// an admin marks it FIXED when it is done by hand. A restore of a manual revoke (nothing this service removed) is
/// manual too.</item>
/// A row already planned for its revision keeps its remediation, so planning twice changes nothing.
/// </summary>
public static class RemediationPlan
{
    /// <param name="written">The rows the decision writes, stamped with its revision.</param>
    /// <param name="subsAreCascades">Every sub-item follows its access item's decision (a pending decision's rows).</param>
    /// <param name="now">When the decision was made.</param>
    public static AccessRows Plan(AccessRows written, bool subsAreCascades, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(written);
        var itemDecisions = written.Items.Where(i => i.Decision is not null).ToDictionary(i => i.Id, i => i.Decision!, StringComparer.Ordinal);
        var items = written.Items.Select(i => i with { Remediation = Own(i.Decision, i.Remediation, i.Revision, now) }).ToList();
        var subs = written.SubItems.Select(s =>
        {
            var cascade = subsAreCascades || (itemDecisions.TryGetValue(s.AccessItemId, out var parent) && parent == s.Decision);
            return s with { Remediation = cascade ? Cascaded(s.Decision, s.Remediation, s.Revision, now) : Own(s.Decision, s.Remediation, s.Revision, now) };
        }).ToList();
        return new AccessRows(items, subs);
    }

    private static ItemRemediation? Own(ItemDecision? decision, ItemRemediation? previous, int revision, DateTimeOffset now)
    {
        if (decision is null || previous?.Generation == revision)
        {
            return previous;
        }

        var manual = decision.Decision is AccessAction.FLAG_FOR_MANUAL_REMEDIATION or AccessAction.FLAG_FOR_MANUAL_RESTORATION;
        return decision.Revoked
            ? new ItemRemediation(RemediationKind.REVOKE, RemediationStatus.PENDING, revision, now, now, Manual: manual, Removed: previous?.Removed)
            : previous is null ? null
            : new ItemRemediation(RemediationKind.RESTORE, RemediationStatus.PENDING, revision, now, now,
                Manual: manual || (previous.Manual && previous.RemovedAccess.Count == 0), Removed: previous.Removed);
    }

    /// <summary>
    /// A sub-item that follows its access item: the app's change covers it. Only a removal of its own, from an earlier
    /// revoke of just this part, stays with it: a restore puts that back too.
    /// </summary>
    private static ItemRemediation? Cascaded(ItemDecision? decision, ItemRemediation? previous, int revision, DateTimeOffset now) =>
        decision?.Revoked == false ? Own(decision, previous, revision, now)
        : previous is { RemovedAccess.Count: > 0 } ? previous
        : null;
}
