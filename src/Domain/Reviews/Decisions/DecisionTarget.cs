using AccessReviewFunctions.Domain.Reviews.Access;

namespace AccessReviewFunctions.Domain.Reviews.Decisions;

/// <summary>The access item a decision is about, with its sub-items; SubItemId names one sub-item instead of the whole item.</summary>
public sealed record DecisionTarget(AccessItem Item, IReadOnlyList<SubAccessItem> SubItems, string? SubItemId = null);

/// <summary>The rows a decision changed and the events it caused (its own, and a completion when it was the last one).</summary>
public sealed record DecisionResult(AccessItem Item, IReadOnlyList<SubAccessItem> ChangedSubItems, IReadOnlyList<ReviewEvent> Events);
