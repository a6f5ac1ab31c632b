using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;

namespace AccessReviewFunctions.Domain.Reviews;

public sealed partial class SecurityAccessReview
{
    /// <summary>The stored rows as they read: with every decision still pending on the header applied.</summary>
    public AccessRows View(AccessRows stored) => PendingDecisions.Overlay(State.Pending, stored);

    /// <summary>
    /// Records a reviewer's decision on the target's rows as they read. Revoking an access item revokes all its
    /// sub-items; restoring it restores them. A sub-item can be revoked on its own, and restored unless its access
    /// item is revoked. With auto-complete on, the last undecided item closes the review (reason completed).
    /// </summary>
    public DecisionResult Decide(DateTimeOffset now, string actorId, DecisionTarget target, AccessAction action)
    {
        ArgumentNullException.ThrowIfNull(target);
        EnsureActive();
        var view = View(new AccessRows([target.Item], target.SubItems));
        target = target with { Item = view.Items[0], SubItems = view.SubItems };
        var decision = new ItemDecision(action, actorId, now);
        var result = target.SubItemId is null ? DecideItem(target, decision) : DecideSubItem(target, decision);
        var item = target.Item;
        var firstDecision = item.Decision is null && result.Item.Decision is not null;
        var revokedDelta = (result.Item.Revoked ? 1 : 0) - (item.Revoked ? 1 : 0);
        Apply(State with
        {
            DecidedCount = State.DecidedCount + (firstDecision ? 1 : 0),
            RevokedCount = State.RevokedCount + revokedDelta,
            LastUpdated = now,
            LastUpdatedBy = actorId,
        });
        var rows = WriteOrDefer(result.Rows, PendingScope.AccessItem, decision, item.Id);
        var subName = target.SubItemId is null ? null : target.SubItems.First(s => s.Id == target.SubItemId).Name;
        var events = new List<ReviewEvent>
        {
            new AccessDecided(Id, now, actorId, item.Id, target.SubItemId, subName is null ? item.Label : $"{item.Label}: {subName}", action, null),
        };
        if (State.AutoCompleteDue)
        {
            events.Add(Close(now, null, CloseReason.Completed));
        }

        return result with { Events = events, Rows = rows };
    }

    /// <summary>
    /// The next rows of the first pending decision, stamped with its revision; when they are its last, the decision
    /// is no longer pending. Rows already applied are not written again, so a repeated step writes nothing twice.
    /// </summary>
    public AccessRows ApplyPending(AccessRows stored)
    {
        if (State.Pending.Count == 0)
        {
            throw DomainException.InvalidTransition("The review has no pending decisions");
        }

        // The decisions before the first are applied and gone, so the stored rows are what the first one applies to.
        var first = State.Pending[0];
        var rows = PendingDecisions.Changes(first, stored, int.MaxValue);
        if (rows.Count > ReviewLimits.MaxRowsPerStep)
        {
            return PlanRemediation(PendingDecisions.Changes(first, stored, ReviewLimits.MaxRowsPerStep), subsAreCascades: true, first.Decision.DecidedAt);
        }

        State = State with { PendingDecisions = [.. State.Pending.Skip(1)] };
        return PlanRemediation(rows, subsAreCascades: true, first.Decision.DecidedAt);
    }

    /// <summary>The rows of a change, stamped with the current revision; or none, with the change pending, when too many.</summary>
    private AccessRows WriteOrDefer(AccessRows rows, PendingScope scope, ItemDecision decision, string? accessItemId = null)
    {
        if (rows.Count <= ReviewLimits.MaxRowsPerStep)
        {
            return PlanRemediation(rows.Stamped(State.Revision), subsAreCascades: false, decision.DecidedAt);
        }

        State = State with
        {
            PendingDecisions = [.. State.Pending, new PendingDecision(State.Revision, scope, decision, accessItemId)],
            Remediation = State.Remediation?.Settle(decision.DecidedAt, decisionsPending: true),
        };
        return AccessRows.None;
    }

    /// <summary>At expiry with AUTO_REJECT_INCOMPLETE: a system REVOKE_ACCESS, with the note, on every undecided item.</summary>
    private UndecidedAccessRevoked? RejectUndecided(DateTimeOffset now)
    {
        var undecided = State.AccessItemCount - State.DecidedCount;
        if (State.ExpirationBehavior != ExpirationBehavior.AUTO_REJECT_INCOMPLETE || undecided <= 0)
        {
            return null;
        }

        var decision = new ItemDecision(AccessAction.REVOKE_ACCESS, SystemActor, now, Automatic: true, State.ExpirationNote);
        Apply(State with
        {
            DecidedCount = State.AccessItemCount,
            RevokedCount = State.RevokedCount + undecided,
            LastUpdated = now,
            LastUpdatedBy = SystemActor,
        });
        State = State with
        {
            PendingDecisions = [.. State.Pending, new PendingDecision(State.Revision, PendingScope.Undecided, decision)],
            Remediation = State.Remediation?.Settle(now, decisionsPending: true),
        };
        return new UndecidedAccessRevoked(Id, now, undecided, State.ExpirationNote);
    }

    private static DecisionResult DecideItem(DecisionTarget target, ItemDecision decision)
    {
        var item = target.Item;
        RequireChange(item.Revoked, decision.Decision, item.Label);
        var decided = item with { Decision = decision };
        var subs = target.SubItems
            .Where(s => s.Revoked != decision.Revoked)
            .Select(s => s with { Decision = decision })
            .ToList();
        return new DecisionResult(decided, subs, []) { Rows = new AccessRows([decided], subs) };
    }

    private static DecisionResult DecideSubItem(DecisionTarget target, ItemDecision decision)
    {
        var sub = target.SubItems.FirstOrDefault(s => s.Id == target.SubItemId)
            ?? throw DomainException.NotFound($"{target.SubItemId} (SubAccessItem)");
        RequireChange(sub.Revoked, decision.Decision, sub.Name);
        if (!decision.Revoked && target.Item.Revoked)
        {
            throw DomainException.InvalidTransition($"Access to {target.Item.Label} is revoked: restore the access item, not one of its parts");
        }

        var decided = sub with { Decision = decision };
        return new DecisionResult(target.Item, [decided], []) { Rows = new AccessRows([], [decided]) };
    }

    private static void RequireChange(bool revoked, AccessAction action, string name)
    {
        if (revoked && action.Revokes())
        {
            throw DomainException.InvalidTransition($"Access to {name} is already revoked");
        }

        if (!revoked && !action.Revokes())
        {
            throw DomainException.InvalidTransition($"Access to {name} is not revoked: only revoked access can be restored");
        }
    }
}
