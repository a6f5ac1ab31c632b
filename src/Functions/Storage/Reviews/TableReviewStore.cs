using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Runtime.Durable;

namespace AccessReviewFunctions.Functions.Storage.Reviews;

/// <summary>The read side of a review's partition, and the gathered snapshot's rows.</summary>
internal sealed class TableReviewStore(IPartitionStores stores, DurableUpdater<SecurityAccessReview> durable) : IReviewStore
{
    private IPartitionStore Partitions => stores.Table(ReviewTables.Reviews);

    public async Task<LoadedReview?> GetAsync(string reviewId, CancellationToken cancellationToken) =>
        await durable.LoadAsync(reviewId, cancellationToken) is { } loaded ? new LoadedReview(loaded.State, loaded.ETag) : null;

    public Task WriteAccessAsync(string reviewId, IReadOnlyList<AccessItem> items, IReadOnlyList<SubAccessItem> subItems, CancellationToken cancellationToken) =>
        Partitions.UpsertManyAsync(ReviewChangeRows.ItemRows(reviewId, items, subItems), cancellationToken);

    public Task<IReadOnlyList<HistoryEntry>> ListHistoryAsync(string reviewId, CancellationToken cancellationToken) =>
        ReadPrefixAsync<HistoryEntry>(reviewId, ReviewRows.HistoryPrefix, cancellationToken);

    public Task<IReadOnlyList<AccessItem>> ListItemsAsync(string reviewId, CancellationToken cancellationToken) =>
        ReadPrefixAsync<AccessItem>(reviewId, ReviewRows.ItemPrefix, cancellationToken);

    public Task<IReadOnlyList<SubAccessItem>> ListSubItemsAsync(string reviewId, string? accessItemId, CancellationToken cancellationToken) =>
        ReadPrefixAsync<SubAccessItem>(reviewId, accessItemId is null ? ReviewRows.SubPrefix : ReviewRows.Sub(accessItemId, string.Empty), cancellationToken);

    public async Task<AccessItem?> GetItemAsync(string reviewId, string accessItemId, CancellationToken cancellationToken) =>
        await Partitions.GetAsync(reviewId, ReviewRows.Item(accessItemId), cancellationToken) is { } row ? ReviewRows.Read<AccessItem>(row) : null;

    private async Task<IReadOnlyList<T>> ReadPrefixAsync<T>(string reviewId, string prefix, CancellationToken cancellationToken) =>
        (await Partitions.ReadPrefixAsync(reviewId, prefix, cancellationToken)).Select(ReviewRows.Read<T>).ToList();
}
