using AccessReviewFunctions.Domain.Reviews.Access;

namespace AccessReviewFunctions.Domain.Reviews.Decisions;

/// <summary>The access item a decision is about, with its sub-items; SubItemId names one sub-item instead of the whole item.</summary>
public sealed record DecisionTarget(AccessItem Item, IReadOnlyList<SubAccessItem> SubItems, string? SubItemId = null);

/// <summary>
/// A decision's outcome: the item and sub-items as they now read, the events it caused (its own, and a completion
/// when it was the last one), and the rows this step writes: none when the change was too large for one step and
/// waits on the header as a pending decision.
/// </summary>
public sealed record DecisionResult(AccessItem Item, IReadOnlyList<SubAccessItem> ChangedSubItems, IReadOnlyList<ReviewEvent> Events)
{
    public AccessRows Rows { get; init; } = AccessRows.None;
}
