using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Remediation;

namespace AccessReviewFunctions.Domain.Reviews;

public sealed partial class SecurityAccessReview
{
    /// <summary>
    /// Records what attempts at downstream changes returned, on the stored rows of their targets. An outcome for a
    /// remediation that is terminal already, or was superseded by a later decision, changes nothing, except that
    /// access a superseded revoke did remove is kept for the restore that compensates it (and a restore that already
    /// finished runs again). Transient failures retry until <see cref="RetrySettings.MaxAttempts"/>; then they fail.
    /// </summary>
    /// <param name="stored">The stored rows of the targets (and any others).</param>
    /// <param name="attempts">The outcomes.</param>
    /// <param name="retry">The retry policy.</param>
    /// <param name="jitter">In [0, 1): spreads the retry delay.</param>
    /// <param name="now">The time.</param>
    /// <param name="reported">True when a receiver reports (or its report timed out): only a remediation awaiting a report accepts it.</param>
    public RemediationRecorded RecordRemediation(
        AccessRows stored, IReadOnlyList<RemediationAttempt> attempts, RetrySettings retry, double jitter, DateTimeOffset now, bool reported = false)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(attempts);
        ArgumentNullException.ThrowIfNull(retry);
        var rows = new RemediationRows(stored);
        var events = new List<ReviewEvent>();
        var again = new List<RemediationTarget>();
        var awaiting = new List<RemediationTarget>();
        var delay = TimeSpan.Zero;
        foreach (var (target, outcome) in attempts)
        {
            if (rows.Find(target.TargetId) is not { } current)
            {
                continue;
            }

            if (current.Generation != target.Generation)
            {
                Write(rows, target.TargetId, current, Superseded(current, outcome, now));
                continue;
            }

            if (current.Status.IsTerminal() || current.Manual || current.AwaitingReport != reported)
            {
                continue;
            }

            var next = Next(current, outcome, retry, now, reported);
            Write(rows, target.TargetId, current, next);
            if (next.Status.IsTerminal())
            {
                events.Add(Remediated(rows, target, next, null, now));
            }
            else if (next.AwaitingReport)
            {
                awaiting.Add(target);
            }
            else
            {
                again.Add(target);
                var wait = retry.DelayAfter(next.Attempts, outcome.RetryAfter, jitter);
                delay = wait > delay ? wait : delay;
            }
        }

        return new RemediationRecorded(rows.Written(), events, again, delay, awaiting);
    }

    /// <summary>
    /// Records what an attempt at the review's logout (UNIVERSAL_LOGOUT) returned: as an item's change, on the header.
    /// Returns the terminal event (none while it retries), and the delay before the next attempt when it retries; an
    /// outcome for a superseded or finished logout changes nothing.
    /// </summary>
    public (IReadOnlyList<ReviewEvent> Events, TimeSpan? RetryAfter) RecordLogout(int generation, RemediationOutcome outcome, RetrySettings retry, double jitter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(retry);
        if (State.Logout is not { } current || current.Generation != generation || current.Status.IsTerminal())
        {
            return ([], null);
        }

        // A receiver's later report is for item changes: a logout it accepted counts as carried out.
        var settled = outcome.Kind == OutcomeKind.Accepted ? RemediationOutcome.Succeeded(outcome.Reason) : outcome;
        var next = Next(current, settled, retry, now, reported: false);
        State = State with { Logout = next, Remediation = (State.Remediation ?? RemediationCounts.None).Move(current.Status, next.Status).Settle(now, State.Pending.Count > 0) };
        if (!next.Status.IsTerminal())
        {
            return ([], retry.DelayAfter(next.Attempts, outcome.RetryAfter, jitter));
        }

        State = State with { Revision = State.Revision + 1 };
        var reason = next.Status == RemediationStatus.FAILED ? next.LastError ?? "failed" : next.Result ?? "done";
        return ([new AccessRemediated(Id, now, null, State.PrincipalId, null, $"the sessions of {State.PrincipalId}", RemediationKind.LOGOUT, next.Status, reason)], null);
    }

    /// <summary>An admin marks a FAILED (or manual) remediation as carried out by hand: FIXED.</summary>
    public RemediationRecorded MarkRemediationFixed(AccessRows stored, string targetId, string actorId, DateTimeOffset now)
    {
        var rows = new RemediationRows(stored);
        var current = rows.Find(targetId) ?? throw DomainException.NotFound($"{targetId} (Remediation)");
        if (current.Status != RemediationStatus.FAILED && !(current.Manual && !current.Status.IsTerminal()))
        {
            throw DomainException.InvalidTransition($"The remediation of {targetId} is {current.Status}: only a failed or manual one can be marked fixed");
        }

        // A restore done by hand put back what the review removed: nothing is left for a later restore.
        var next = current with
        {
            Status = RemediationStatus.FIXED, UpdatedAt = now, CompletedAt = now, Result = "fixed by hand",
            Removed = current.Kind == RemediationKind.RESTORE ? [] : current.Removed,
        };
        Write(rows, targetId, current, next);
        var target = rows.Target(targetId, current.Generation);
        return new RemediationRecorded(rows.Written(), [Remediated(rows, target, next, actorId, now)], [], TimeSpan.Zero, []);
    }

    /// <summary>Plans the remediation of the rows a decision writes and counts it on the header.</summary>
    private AccessRows PlanRemediation(AccessRows written, bool subsAreCascades, DateTimeOffset now)
    {
        var planned = RemediationPlan.Plan(written, subsAreCascades, now);
        var counts = State.Remediation ?? RemediationCounts.None;
        foreach (var (before, after) in written.Items.Zip(planned.Items, (b, a) => (b.Remediation, a.Remediation))
            .Concat(written.SubItems.Zip(planned.SubItems, (b, a) => (b.Remediation, a.Remediation))))
        {
            counts = counts.Move(before?.Status, after?.Status);
        }

        State = State with { Remediation = counts.Total == 0 && State.Remediation is null ? null : counts.Settle(now, State.Pending.Count > 0) };
        return planned;
    }

    private void Write(RemediationRows rows, string targetId, ItemRemediation before, ItemRemediation after)
    {
        if (before == after)
        {
            return;
        }

        rows.Set(targetId, after);
        State = State with { Remediation = (State.Remediation ?? RemediationCounts.None).Move(before.Status, after.Status).Settle(after.UpdatedAt, State.Pending.Count > 0) };
    }

    private AccessRemediated Remediated(RemediationRows rows, RemediationTarget target, ItemRemediation done, string? actorId, DateTimeOffset now)
    {
        State = State with { Revision = State.Revision + 1 };
        return new AccessRemediated(Id, now, actorId, target.AccessItemId, target.SubItemId, rows.Label(target.TargetId), done.Kind, done.Status,
            done.Status == RemediationStatus.FAILED ? done.LastError ?? "failed" : done.Result ?? "done");
    }

    /// <summary>One attempt's (or report's) outcome applied to a remediation that waits for it.</summary>
    private ItemRemediation Next(ItemRemediation current, RemediationOutcome outcome, RetrySettings retry, DateTimeOffset now, bool reported)
    {
        var tried = current with { Attempts = current.Attempts + (reported ? 0 : 1), UpdatedAt = now, AwaitingReport = false };
        return outcome.Kind switch
        {
            OutcomeKind.Succeeded => Finish(tried, RemediationStatus.SUCCEEDED, outcome, now),
            OutcomeKind.Accepted => tried with { Status = RemediationStatus.IN_PROGRESS, AwaitingReport = true, Result = outcome.Reason },
            OutcomeKind.Transient when tried.Attempts < retry.MaxAttempts => tried with { Status = RemediationStatus.IN_PROGRESS, LastError = outcome.Reason },
            _ => Finish(tried, RemediationStatus.FAILED, outcome, now),
        };
    }

    private ItemRemediation Finish(ItemRemediation tried, RemediationStatus status, RemediationOutcome outcome, DateTimeOffset now)
    {
        if (status == RemediationStatus.FAILED)
        {
            return tried with { Status = status, LastError = outcome.Reason, CompletedAt = now };
        }

        var removed = tried.Kind == RemediationKind.RESTORE ? [] : tried.RemovedAccess.Concat(Sequenced(outcome)).ToList();
        return tried with { Status = status, Result = outcome.Reason, LastError = null, CompletedAt = now, Removed = removed };
    }

    /// <summary>A superseded revoke's removal stays with the item: the restore that superseded it must put it back too.</summary>
    private ItemRemediation Superseded(ItemRemediation current, RemediationOutcome outcome, DateTimeOffset now)
    {
        var removed = outcome.Kind == OutcomeKind.Succeeded ? Sequenced(outcome).ToList() : [];
        if (removed.Count == 0)
        {
            return current;
        }

        var merged = current with { Removed = [.. current.RemovedAccess, .. removed], UpdatedAt = now };
        return current.Kind == RemediationKind.RESTORE && current.Status.IsTerminal() && !current.Manual
            ? merged with { Status = RemediationStatus.PENDING, Attempts = 0, CompletedAt = null, Result = null, LastError = null }
            : merged;
    }

    private IEnumerable<RemovedAccess> Sequenced(RemediationOutcome outcome) =>
        (outcome.Removed ?? []).Where(r => !r.IsEmpty).Select(r => r with { Sequence = State.Revision + 1 });

    /// <summary>The stored rows of a set of targets, by id, with the ones changed so far.</summary>
    private sealed class RemediationRows(AccessRows stored)
    {
        private readonly Dictionary<string, AccessItem> items = stored.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        private readonly Dictionary<string, SubAccessItem> subs = stored.SubItems.ToDictionary(s => s.Id, StringComparer.Ordinal);
        private readonly HashSet<string> changed = new(StringComparer.Ordinal);

        public ItemRemediation? Find(string id) =>
            items.TryGetValue(id, out var item) ? item.Remediation : subs.TryGetValue(id, out var sub) ? sub.Remediation : null;

        public RemediationTarget Target(string id, int generation) =>
            subs.TryGetValue(id, out var sub) ? new RemediationTarget(sub.AccessItemId, id, generation) : new RemediationTarget(id, null, generation);

        public string Label(string id) =>
            items.TryGetValue(id, out var item) ? item.Label
            : subs.TryGetValue(id, out var sub) ? (items.TryGetValue(sub.AccessItemId, out var parent) ? $"{parent.Label}: {sub.Name}" : sub.Name)
            : id;

        public void Set(string id, ItemRemediation remediation)
        {
            if (items.TryGetValue(id, out var item))
            {
                items[id] = item with { Remediation = remediation };
            }
            else
            {
                subs[id] = subs[id] with { Remediation = remediation };
            }

            changed.Add(id);
        }

        public AccessRows Written() =>
            new([.. items.Values.Where(i => changed.Contains(i.Id))], [.. subs.Values.Where(s => changed.Contains(s.Id))]);
    }
}
