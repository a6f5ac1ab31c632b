using AccessReviewFunctions.Domain.Reviews.Access;

namespace AccessReviewFunctions.Domain.Reviews.Decisions;

/// <summary>Which access items a pending decision covers.</summary>
public enum PendingScope
{
    /// <summary>One access item and its sub-items: a cascade too large for one step.</summary>
    AccessItem,

    /// <summary>Every access item without a decision: automatic rejections at the end time.</summary>
    Undecided,

    /// <summary>Every revoked access item: restore-all.</summary>
    Revoked,
}

/// <summary>
/// A decision on more rows than one step writes: recorded on the header, with its history and audit events, in the
/// step that made it (at <see cref="Revision"/>), and applied to the rows in later steps. Until then every reader
/// sees the rows through it.
/// </summary>
public sealed record PendingDecision(int Revision, PendingScope Scope, ItemDecision Decision, string? AccessItemId = null)
{
    /// <summary>
    /// Whether the decision covers this access item as it stood before the decision. An item written by this
    /// decision carries its revision; one written after it was decided again, and that later decision, made on the
    /// rows as they looked with this one applied, wrote or recorded everything it changed.
    /// </summary>
    public bool Covers(AccessItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Scope == PendingScope.AccessItem
            ? item.Id == AccessItemId && item.Revision <= Revision
            : item.Revision == Revision || (item.Revision < Revision && (Scope == PendingScope.Undecided ? item.Decision is null : item.Revoked));
    }

    /// <summary>The item and those of its sub-items this decision changes; sub-items written after it keep their state.</summary>
    public AccessRows Changes(AccessItem item, IEnumerable<SubAccessItem> subItems)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!Covers(item))
        {
            return AccessRows.None;
        }

        IReadOnlyList<AccessItem> items = item.Revision < Revision ? [item with { Decision = Decision, Revision = Revision }] : [];
        var subs = subItems.Where(s => s.Revision < Revision && s.Revoked != Decision.Revoked)
            .Select(s => s with { Decision = Decision, Revision = Revision })
            .ToList();
        return new AccessRows(items, subs);
    }
}
