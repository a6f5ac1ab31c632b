using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>A stored review and the ETag of its header: every item row changes with the header, so the ETag versions them too.</summary>
public sealed record LoadedReview(SecurityAccessReview Review, string ETag);

/// <summary>A review's partition, read side: the header, and the rows that hang off it. Changes go through <see cref="ReviewUpdater"/>.</summary>
public interface IReviewStore
{
    Task<LoadedReview?> GetAsync(string reviewId, CancellationToken cancellationToken);

    /// <summary>Upserts the gathered snapshot while the review is PENDING; idempotent, as the ids derive from the review and the resource.</summary>
    Task WriteAccessAsync(string reviewId, IReadOnlyList<AccessItem> items, IReadOnlyList<SubAccessItem> subItems, CancellationToken cancellationToken);

    Task<IReadOnlyList<HistoryEntry>> ListHistoryAsync(string reviewId, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccessItem>> ListItemsAsync(string reviewId, CancellationToken cancellationToken);

    /// <summary>The sub-access items of one access item, or of every item when accessItemId is null.</summary>
    Task<IReadOnlyList<SubAccessItem>> ListSubItemsAsync(string reviewId, string? accessItemId, CancellationToken cancellationToken);

    Task<AccessItem?> GetItemAsync(string reviewId, string accessItemId, CancellationToken cancellationToken);
}
