using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>
/// A review's stored access rows at its header's ETag: from the cache when this instance has them, else in one
/// range read. A PENDING review has no rows yet. Readers see them through the review (<see cref="SecurityAccessReview.View"/>).
/// </summary>
internal sealed class ReviewAccess(IReviewStore store, ReviewItemCache cache)
{
    public Task<AccessRows> AllAsync(LoadedReview loaded, CancellationToken cancellationToken) =>
        !loaded.Review.HasAccess
            ? Task.FromResult(AccessRows.None)
            : cache.GetOrLoadAsync(loaded.Review.Id, loaded.ETag, () => store.ListAccessAsync(loaded.Review.Id, cancellationToken));

    /// <summary>
    /// Some access items with their sub-items at the header's <paramref name="etag"/>: from the cache when this instance
    /// has that version, else in one range read. Writers that lose an ETag race to another writer in this instance
    /// (remediation work items on one review, say) read again from memory instead of from storage.
    /// </summary>
    public async Task<AccessRows> ItemsAsync(string reviewId, string etag, IEnumerable<string> accessItemIds, CancellationToken cancellationToken)
    {
        var ids = accessItemIds.ToHashSet(StringComparer.Ordinal);
        return cache.TryGet(reviewId, etag) is { } all ? all.Of(ids) : await store.ReadItemsAsync(reviewId, ids, cancellationToken);
    }

    /// <summary>
    /// Where a decision's target lives: an access item (aim…) or a sub-access item (sai…) whose access item the
    /// locator names. Started before the header is read, as it never changes.
    /// </summary>
    public Task<string?> LocateAsync(string reviewId, string targetId, CancellationToken cancellationToken) =>
        targetId.StartsWith("sai", StringComparison.Ordinal)
            ? store.FindAccessItemIdAsync(reviewId, targetId, cancellationToken)
            : Task.FromResult<string?>(targetId);

    /// <summary>The stored rows a decision on the target reads: its access item with every sub-item, in one range read.</summary>
    public async Task<DecisionTarget> TargetAsync(LoadedReview loaded, string targetId, Task<string?> accessItemId, CancellationToken cancellationToken)
    {
        var reviewId = loaded.Review.Id;
        var itemId = await accessItemId ?? throw NotFound(targetId);
        var rows = await ItemsAsync(reviewId, loaded.ETag, [itemId], cancellationToken);
        var item = rows.Items.SingleOrDefault() ?? throw NotFound(targetId);
        if (itemId != targetId && rows.SubItems.All(s => s.Id != targetId))
        {
            throw NotFound(targetId);
        }

        return new DecisionTarget(item, rows.SubItems, itemId == targetId ? null : targetId);
    }

    private static DomainException NotFound(string targetId) => DomainException.NotFound($"{targetId} (AccessItem)");
}
