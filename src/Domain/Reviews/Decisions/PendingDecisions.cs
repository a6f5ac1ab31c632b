using AccessReviewFunctions.Domain.Reviews.Access;

namespace AccessReviewFunctions.Domain.Reviews.Decisions;

/// <summary>Pending decisions over the stored rows: the view every reader gets, and the rows still to write.</summary>
public static class PendingDecisions
{
    /// <summary>The rows as they stand with every pending decision applied, in the order they were made.</summary>
    public static AccessRows Overlay(IReadOnlyList<PendingDecision> pending, AccessRows stored)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(stored);
        if (pending.Count == 0)
        {
            return stored;
        }

        var items = stored.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var subs = stored.SubItems.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var decision in pending)
        {
            var changed = Changes(decision, new AccessRows([.. items.Values], [.. subs.Values]), int.MaxValue);
            changed.Items.ToList().ForEach(i => items[i.Id] = i);
            changed.SubItems.ToList().ForEach(s => subs[s.Id] = s);
        }

        return new AccessRows([.. stored.Items.Select(i => items[i.Id])], [.. stored.SubItems.Select(s => subs[s.Id])]);
    }

    /// <summary>The rows the decision still changes, at most <paramref name="max"/>, whole access items first.</summary>
    public static AccessRows Changes(PendingDecision decision, AccessRows stored, int max)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(stored);
        var subsByItem = stored.SubItems.ToLookup(s => s.AccessItemId, StringComparer.Ordinal);
        var items = new List<AccessItem>();
        var subs = new List<SubAccessItem>();
        foreach (var item in stored.Items.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            var changes = decision.Changes(item, subsByItem[item.Id]);
            var room = max - items.Count - subs.Count;
            if (changes.Count == 0)
            {
                continue;
            }

            if (room <= 0)
            {
                break;
            }

            // An access item whose rows don't all fit goes in part; it stays covered by its revision (PendingDecision.Covers).
            subs.AddRange(changes.SubItems.Take(room));
            if (changes.SubItems.Count < room)
            {
                items.AddRange(changes.Items);
            }
        }

        return new AccessRows(items, subs);
    }
}
