using System.Collections.Concurrent;
using Azure.Data.Tables;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Storage.Tables;

namespace AccessReviewFunctions.Functions.Storage.Reviews;

/// <summary>
/// The reviewer index (PK reviewer, RK review) is a hint written before the review itself: the header stays the
/// truth, so an entry for a review that was never stored, or whose reviewers changed, is filtered out on read.
/// The other lists query the header rows of the reviews table by their columns.
/// </summary>
internal sealed class TableReviewIndex(StorageResources resources) : IReviewIndex
{
    private const int ReadParallelism = 16;
    private const string LegacyItemRow = "review";

    /// <summary>
    /// Buckets of the item index: few, so a small review's 20 to 30 items and sub-items fill about 4 transactions (16
    /// buckets took 13), while a large review's writes still spread over 4 partitions of full transactions.
    /// </summary>
    internal const int ItemBuckets = 4;
    private const string ItemReviewColumn = "ReviewId";

    private static readonly string OpenStatus = TableRows.Or([.. ReviewStatuses.Open.Select(s => TableRows.Compare(ReviewSchema.Status, "eq", s.ToString()))]);

    private static readonly string Headers = TableRows.RowPrefix(DurableRows.AnyHeader);

    public async Task AddReviewersAsync(string reviewId, IEnumerable<string> reviewerIds, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(ReviewTables.ByReviewer, cancellationToken);
        foreach (var reviewer in reviewerIds)
        {
            await table.UpsertEntityAsync(new TableEntity(reviewer, reviewId), TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<ReviewSnapshot>> ListForReviewerAsync(string reviewerId, CancellationToken cancellationToken)
    {
        var index = await resources.TableAsync(ReviewTables.ByReviewer, cancellationToken);
        var entries = await index.QueryAllAsync(TableRows.Partition(reviewerId), cancellationToken, ["RowKey"]);
        var reviews = await resources.TableAsync(ReviewTables.Reviews, cancellationToken);
        var found = new ConcurrentBag<ReviewSnapshot>();
        await Parallel.ForEachAsync(
            entries,
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (entry, token) =>
            {
                if (await reviews.FindHeaderAsync(entry.RowKey, token) is { } header
                    && Snapshot(header) is var snapshot && snapshot.ReviewerIds.Contains(reviewerId))
                {
                    found.Add(snapshot);
                }
            });
        return found.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<ReviewSnapshot>> ListAllAsync(CancellationToken cancellationToken) =>
        (await HeadersAsync(Headers, cancellationToken)).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

    /// <summary>
    /// One row per item and sub-item in the bucket of its id (<see cref="KeyBuckets"/>), so thousands of items are
    /// written as full transactions and the lookup stays a point read; idempotent, so a retried gathering writes the same rows.
    /// </summary>
    public async Task AddItemsAsync(string reviewId, AccessRows rows, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(ReviewTables.ItemReviews, cancellationToken);
        var ids = rows.Items.Select(i => i.Id).Concat(rows.SubItems.Select(s => s.Id));
        await TableBatchWriter.UpsertAsync(table, ids.Select(id => new TableEntity(KeyBuckets.Of(id, ItemBuckets), id) { [ItemReviewColumn] = reviewId }), cancellationToken);
    }

    /// <summary>
    /// The review holding an item; items gathered under 16 buckets, or before the index was bucketed (under their own
    /// partition), are found there.
    /// </summary>
    public async Task<string?> FindReviewOfItemAsync(string itemId, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(ReviewTables.ItemReviews, cancellationToken);
        var entry = await table.FindAsync(KeyBuckets.Of(itemId, ItemBuckets), itemId, cancellationToken, [ItemReviewColumn])
            ?? await table.FindAsync(KeyBuckets.Of(itemId), itemId, cancellationToken, [ItemReviewColumn])
            ?? await table.FindAsync(itemId, LegacyItemRow, cancellationToken, [ItemReviewColumn]);
        return entry?.GetString(ItemReviewColumn);
    }

    public Task<IReadOnlyList<ReviewSnapshot>> ListNeedingAttentionAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = TableRows.And(TableRows.Compare(ReviewSchema.EndTime, "le", now), OpenStatus);
        var owing = TableRows.Or(
            TableRows.Compare(ReviewSchema.PendingDecisions, "eq", true),
            TableRows.Compare(ReviewSchema.AutoCompleteDue, "eq", true),
            TableRows.Compare(ReviewSchema.Status, "eq", nameof(ReviewStatus.PENDING)));
        return HeadersAsync(TableRows.And(Headers, TableRows.Or(due, owing)), cancellationToken);
    }

    public Task<IReadOnlyList<ReviewSnapshot>> ListEndingAsync(DateTimeOffset after, DateTimeOffset upTo, CancellationToken cancellationToken) =>
        HeadersAsync(
            TableRows.And(Headers, TableRows.Compare(ReviewSchema.EndTime, "gt", after), TableRows.Compare(ReviewSchema.EndTime, "le", upTo), OpenStatus),
            cancellationToken);

    private async Task<IReadOnlyList<ReviewSnapshot>> HeadersAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(ReviewTables.Reviews, cancellationToken);
        return (await table.QueryAllAsync(filter, cancellationToken, [ReviewRows.Json])).Select(Snapshot).ToList();
    }

    private static ReviewSnapshot Snapshot(TableEntity header) => ReviewSchema.ReadSnapshot(TableRows.ToRow(header));
}
