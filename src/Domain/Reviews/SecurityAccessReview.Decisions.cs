using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;

namespace AccessReviewFunctions.Domain.Reviews;

public sealed partial class SecurityAccessReview
{
    /// <summary>
    /// Records a reviewer's decision. Revoking an access item revokes all its sub-items; restoring it restores them.
    /// A sub-item can be revoked on its own, and restored unless its access item is revoked. With auto-complete on,
    /// the last undecided item closes the review (reason completed).
    /// </summary>
    public DecisionResult Decide(DateTimeOffset now, string actorId, DecisionTarget target, AccessAction action)
    {
        EnsureActive();
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
        var subName = target.SubItemId is null ? null : target.SubItems.First(s => s.Id == target.SubItemId).Name;
        var events = new List<ReviewEvent>
        {
            new AccessDecided(Id, now, actorId, item.Id, target.SubItemId, subName is null ? item.Label : $"{item.Label}: {subName}", action, null),
        };
        if (State.AutoComplete && State.AllDecided)
        {
            events.Add(Close(now, null, CloseReason.Completed));
        }

        return result with { Events = events };
    }

    /// <summary>The automatic decisions the expiry owes: REVOKE_ACCESS on every undecided item and its sub-items.</summary>
    public DecisionResult[] AutoRejections(IReadOnlyList<AccessItem> items, IReadOnlyList<SubAccessItem> subItems)
    {
        if (!State.AutoRejectPending)
        {
            throw DomainException.InvalidTransition("The review has no automatic rejections pending");
        }

        var decision = new ItemDecision(AccessAction.REVOKE_ACCESS, SystemActor, State.ClosedAt!.Value, Automatic: true, State.ExpirationNote);
        var subsByItem = subItems.ToLookup(s => s.AccessItemId);
        return items.Where(i => i.Decision is null)
            .Select(i => DecideItem(new DecisionTarget(i, subsByItem[i.Id].ToList()), decision))
            .ToArray();
    }

    /// <summary>
    /// Marks the automatic rejections done once their rows are stored; counts come from the stored items, so a
    /// retry after a crash between the row writes and this step counts the same.
    /// </summary>
    public ReviewEvent CompleteAutoRejections(DateTimeOffset now, IReadOnlyList<AccessItem> storedItems)
    {
        if (!State.AutoRejectPending)
        {
            throw DomainException.InvalidTransition("The review has no automatic rejections pending");
        }

        var automatic = storedItems.Count(i => i.Decision is { Automatic: true });
        Apply(State with
        {
            AutoRejectPending = false,
            DecidedCount = storedItems.Count(i => i.Decision is not null),
            RevokedCount = storedItems.Count(i => i.Revoked),
            LastUpdated = now,
            LastUpdatedBy = SystemActor,
        });
        return new UndecidedAccessRevoked(Id, now, automatic, State.ExpirationNote);
    }

    private static DecisionResult DecideItem(DecisionTarget target, ItemDecision decision)
    {
        var item = target.Item;
        RequireChange(item.Revoked, decision.Decision, item.Label);
        var subs = target.SubItems
            .Where(s => s.Revoked != decision.Revoked)
            .Select(s => s with { Decision = decision })
            .ToList();
        return new DecisionResult(item with { Decision = decision }, subs, []);
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

        return new DecisionResult(target.Item, [sub with { Decision = decision }], []);
    }

    private static void RequireChange(bool revoked, AccessAction action, string name)
    {
        if (revoked && action == AccessAction.REVOKE_ACCESS)
        {
            throw DomainException.InvalidTransition($"Access to {name} is already revoked");
        }

        if (!revoked && action == AccessAction.RESTORE_ACCESS)
        {
            throw DomainException.InvalidTransition($"Access to {name} is not revoked: only revoked access can be restored");
        }
    }
}
