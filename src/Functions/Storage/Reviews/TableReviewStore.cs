using AccessReviewFunctions.Domain.Audit;
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

    public Task WriteAccessAsync(string reviewId, AccessRows rows, CancellationToken cancellationToken) =>
        Partitions.UpsertManyAsync(
            ReviewChangeRows.ItemRows(reviewId, rows).Concat(rows.SubItems.Select(s => Row.Of(reviewId, ReviewRows.Locator(s.Id), (ReviewRows.AccessItemColumn, s.AccessItemId)))),
            cancellationToken);

    public async Task<IReadOnlyList<HistoryEntry>> ListHistoryAsync(string reviewId, CancellationToken cancellationToken) =>
        (await Partitions.ReadPrefixAsync(reviewId, ReviewRows.HistoryPrefix, cancellationToken)).Select(ReviewRows.Read<HistoryEntry>).ToList();

    public Task<AccessRows> ListAccessAsync(string reviewId, CancellationToken cancellationToken) =>
        ReadAccessAsync(reviewId, ReviewRows.AccessPrefix, cancellationToken);

    /// <summary>
    /// An access item by a point read, and its sub-items (when it has any) by a range read. A point read stays cheap in
    /// a partition of tens of thousands of rows, where a range read costs more (Azurite scans the whole table for it).
    /// </summary>
    public async Task<AccessRows> ReadItemAsync(string reviewId, string accessItemId, CancellationToken cancellationToken)
    {
        var row = await Partitions.GetAsync(reviewId, ReviewRows.Item(accessItemId), cancellationToken);
        if (row is null)
        {
            return AccessRows.None;
        }

        var item = ReviewRows.Read<AccessItem>(row);
        return new AccessRows([item], item.SubAccessTypes.Count == 0 ? [] : (await ReadAccessAsync(reviewId, ReviewRows.Sub(accessItemId, string.Empty), cancellationToken)).SubItems);
    }

    public async Task<AccessRows> ReadItemsAsync(string reviewId, IEnumerable<string> accessItemIds, CancellationToken cancellationToken)
    {
        var wanted = accessItemIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (wanted.Count <= 1)
        {
            return wanted.Count == 0 ? AccessRows.None : await ReadItemAsync(reviewId, wanted[0], cancellationToken);
        }

        var rows = ToAccessRows(await Partitions.ReadRangeAsync(
            reviewId, ReviewRows.Item(wanted[0]), DurableRows.PrefixEnd(ReviewRows.Sub(wanted[^1], string.Empty)), cancellationToken));
        return rows.Of(wanted.ToHashSet(StringComparer.Ordinal));
    }

    public async Task<string?> FindAccessItemIdAsync(string reviewId, string subItemId, CancellationToken cancellationToken) =>
        (await Partitions.GetAsync(reviewId, ReviewRows.Locator(subItemId), cancellationToken))?.Text(ReviewRows.AccessItemColumn);

    public async Task<IReadOnlyList<LogEntry>> ReadAuditAsync(string reviewId, int fromRevision, int count, string? appended, CancellationToken cancellationToken)
    {
        var events = new List<LogEntry>();
        for (var revision = fromRevision; revision < fromRevision + count; revision++)
        {
            var row = appended is null
                ? await Partitions.GetAsync(reviewId, ReviewRows.Audit(reviewId, revision), cancellationToken)
                    ?? await Partitions.GetAsync(reviewId, ReviewRows.LegacyAudit(revision), cancellationToken)
                : await Partitions.GetAsync(reviewId, ReviewRows.AppendedAudit(revision, appended), cancellationToken);
            if (row is not null)
            {
                events.Add(new LogEntry(ReviewRows.Read<AuditEvent>(row), ReviewRows.AuditEntryId(reviewId, revision, appended)));
            }
        }

        return events;
    }

    private async Task<AccessRows> ReadAccessAsync(string reviewId, string prefix, CancellationToken cancellationToken) =>
        ToAccessRows(await Partitions.ReadPrefixAsync(reviewId, prefix, cancellationToken));

    private static AccessRows ToAccessRows(IReadOnlyList<Row> rows) =>
        new(
            [.. rows.Where(r => ReviewRows.IsItem(r.RowKey)).Select(ReviewRows.Read<AccessItem>)],
            [.. rows.Where(r => !ReviewRows.IsItem(r.RowKey)).Select(ReviewRows.Read<SubAccessItem>)]);
}
