using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Functions.Storage;
using Microsoft.WindowsAzure.Storage.Table;

namespace AccessReviewFunctions.Functions.Reviews.Storage;

/// <summary>
/// The reviewer index (PK reviewer, RK review) is a hint written before the review itself: the header stays the
/// truth, so an entry for a review that was never stored, or whose reviewers changed, is filtered out on read.
/// </summary>
internal sealed class TableReviewIndex(ReviewTables tables) : IReviewIndex
{
    private const int ReadParallelism = 16;

    private static readonly string OpenStatus = TableQuery.CombineFilters(
        TableQuery.GenerateFilterCondition("Status", QueryComparisons.Equal, nameof(ReviewStatus.ACTIVE)),
        TableOperators.Or,
        TableQuery.GenerateFilterCondition("Status", QueryComparisons.Equal, nameof(ReviewStatus.PENDING)));

    public async Task AddReviewersAsync(string reviewId, IEnumerable<string> reviewerIds, CancellationToken cancellationToken)
    {
        var table = await tables.ByReviewerAsync(cancellationToken);
        foreach (var reviewer in reviewerIds)
        {
            await table.ExecuteAsync(TableOperation.InsertOrReplace(new DynamicTableEntity(reviewer, reviewId)), null, null, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<ReviewSnapshot>> ListForReviewerAsync(string reviewerId, CancellationToken cancellationToken)
    {
        var index = await tables.ByReviewerAsync(cancellationToken);
        var entries = await index.QueryAllAsync(TableQuery.GenerateFilterCondition("PartitionKey", QueryComparisons.Equal, reviewerId), cancellationToken);
        var reviews = await tables.ReviewsAsync(cancellationToken);
        var found = new System.Collections.Concurrent.ConcurrentBag<ReviewSnapshot>();
        await Parallel.ForEachAsync(
            entries,
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (entry, token) =>
            {
                var result = await reviews.ExecuteAsync(TableOperation.Retrieve<DynamicTableEntity>(entry.RowKey, ReviewRows.Header), null, null, token);
                if (result.Result is DynamicTableEntity header && HeaderEntity.Read(header) is var snapshot && snapshot.ReviewerIds.Contains(reviewerId))
                {
                    found.Add(snapshot);
                }
            });
        return found.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<ReviewSnapshot>> ListAllAsync(CancellationToken cancellationToken)
    {
        var table = await tables.ReviewsAsync(cancellationToken);
        var headers = await table.QueryAllAsync(TableQuery.GenerateFilterCondition("RowKey", QueryComparisons.Equal, ReviewRows.Header), cancellationToken);
        return headers.Select(HeaderEntity.Read).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<ReviewSnapshot>> ListNeedingAttentionAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.ReviewsAsync(cancellationToken);
        var due = TableQuery.CombineFilters(TableQuery.GenerateFilterConditionForDate("EndTime", QueryComparisons.LessThanOrEqual, now), TableOperators.And, OpenStatus);
        var owing = TableQuery.CombineFilters(
            TableQuery.GenerateFilterConditionForBool("AutoRejectPending", QueryComparisons.Equal, true),
            TableOperators.Or,
            TableQuery.GenerateFilterConditionForBool("AutoCompleteDue", QueryComparisons.Equal, true));
        var filter = TableQuery.CombineFilters(
            TableQuery.GenerateFilterCondition("RowKey", QueryComparisons.Equal, ReviewRows.Header),
            TableOperators.And,
            TableQuery.CombineFilters(due, TableOperators.Or, owing));
        var headers = await table.QueryAllAsync(filter, cancellationToken);
        return headers.Select(HeaderEntity.Read).ToList();
    }
}
