using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;

namespace AccessReviewFunctions.Functions.Reviews.Storage;

/// <summary>A review's partition: the header with its ETag, the atomic commit, and the rows that hang off it.</summary>
public interface IReviewStore
{
    Task<LoadedReview?> GetAsync(string reviewId, CancellationToken cancellationToken);

    /// <summary>Writes the commit atomically. Throws <see cref="ReviewConcurrencyException"/> or <see cref="DuplicateMessageException"/>.</summary>
    Task<string> CommitAsync(ReviewCommit commit, CancellationToken cancellationToken);

    Task<bool> WasProcessedAsync(string reviewId, string messageId, CancellationToken cancellationToken);

    /// <summary>Upserts the gathered snapshot; idempotent, as the ids are derived from the review and the resource.</summary>
    Task WriteAccessAsync(string reviewId, IReadOnlyList<AccessItem> items, IReadOnlyList<SubAccessItem> subItems, CancellationToken cancellationToken);

    Task<IReadOnlyList<HistoryEntry>> ListHistoryAsync(string reviewId, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccessItem>> ListItemsAsync(string reviewId, CancellationToken cancellationToken);

    /// <summary>The sub-access items of one access item, or of every item when accessItemId is null.</summary>
    Task<IReadOnlyList<SubAccessItem>> ListSubItemsAsync(string reviewId, string? accessItemId, CancellationToken cancellationToken);

    Task<AccessItem?> GetItemAsync(string reviewId, string accessItemId, CancellationToken cancellationToken);
}

/// <summary>Which reviews exist and who reviews them: the index behind the list routes.</summary>
public interface IReviewIndex
{
    Task AddReviewersAsync(string reviewId, IEnumerable<string> reviewerIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReviewSnapshot>> ListForReviewerAsync(string reviewerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReviewSnapshot>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>Reviews the sweeper must look at: open past their end time, owing automatic rejections, or due to auto-complete.</summary>
    Task<IReadOnlyList<ReviewSnapshot>> ListNeedingAttentionAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
