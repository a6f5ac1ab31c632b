using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>A stored review and the ETag of its header: every item row changes with the header, so the ETag versions them too.</summary>
internal sealed record LoadedReview(SecurityAccessReview Review, string ETag);

/// <summary>
/// A review's partition, read side: the header, and the rows that hang off it, as stored (readers see them through
/// the review's pending decisions, <see cref="SecurityAccessReview.View"/>). Changes go through <see cref="ReviewUpdater"/>.
/// </summary>
internal interface IReviewStore
{
    Task<LoadedReview?> GetAsync(string reviewId, CancellationToken cancellationToken);

    /// <summary>Upserts the gathered snapshot while the review is PENDING; idempotent, as the ids derive from the review and the resource.</summary>
    Task WriteAccessAsync(string reviewId, AccessRows rows, CancellationToken cancellationToken);

    Task<IReadOnlyList<HistoryEntry>> ListHistoryAsync(string reviewId, CancellationToken cancellationToken);

    /// <summary>Every access item and sub-access item, in one range read.</summary>
    Task<AccessRows> ListAccessAsync(string reviewId, CancellationToken cancellationToken);

    /// <summary>One access item and its sub-items; no items when there is no such access item.</summary>
    Task<AccessRows> ReadItemAsync(string reviewId, string accessItemId, CancellationToken cancellationToken);

    /// <summary>Several access items with their sub-items (those that exist), in one range read from the first to the last in key order.</summary>
    Task<AccessRows> ReadItemsAsync(string reviewId, IEnumerable<string> accessItemIds, CancellationToken cancellationToken);

    /// <summary>The access item a sub-access item belongs to, or null when there is no such sub-item.</summary>
    Task<string?> FindAccessItemIdAsync(string reviewId, string subItemId, CancellationToken cancellationToken);

    /// <summary>The System Log entries the commit of revisions [from, from + count) wrote in the partition.</summary>
    Task<IReadOnlyList<LogEntry>> ReadAuditAsync(string reviewId, int fromRevision, int count, string? appended, CancellationToken cancellationToken);
}
