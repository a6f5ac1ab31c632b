using System.Net;
using AccessReviewFunctions.Functions.Reviews.Storage;
using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Functions.Storage;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Table;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>
/// Sends a review's outbox rows to their queues, then deletes them. A crash between the send and the delete
/// sends the message again; its receiver drops the duplicate by its processed-message id.
/// </summary>
public interface IOutboxDispatcher
{
    Task DispatchAsync(string reviewId, CancellationToken cancellationToken);

    /// <summary>Dispatches rows left behind by a crash, across all reviews, older than the given age.</summary>
    Task<int> DispatchStrandedAsync(TimeSpan olderThan, CancellationToken cancellationToken);
}

internal sealed class OutboxDispatcher(ReviewTables tables, OutboxEntity outbox, IMessageSender sender, TimeProvider clock) : IOutboxDispatcher
{
    public async Task DispatchAsync(string reviewId, CancellationToken cancellationToken)
    {
        var table = await tables.ReviewsAsync(cancellationToken);
        var rows = await table.QueryPrefixAsync(reviewId, ReviewRows.OutboxPrefix, cancellationToken);
        await SendAllAsync(table, rows, cancellationToken);
    }

    public async Task<int> DispatchStrandedAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var table = await tables.ReviewsAsync(cancellationToken);
        var filter = TableQueries.RowPrefix(ReviewRows.OutboxPrefix);
        var cutoff = clock.GetUtcNow() - olderThan;
        var rows = (await table.QueryAllAsync(filter, cancellationToken)).Where(r => OutboxEntity.WrittenAt(r) <= cutoff).ToList();
        await SendAllAsync(table, rows, cancellationToken);
        return rows.Count;
    }

    private async Task SendAllAsync(CloudTable table, IEnumerable<DynamicTableEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            await sender.SendAsync(outbox.Read(row), cancellationToken);
            try
            {
                row.ETag = "*";
                await table.ExecuteAsync(TableOperation.Delete(row), null, null, cancellationToken);
            }
            catch (StorageException e) when (e.RequestInformation?.HttpStatusCode == (int)HttpStatusCode.NotFound)
            {
                // Another instance dispatched it at the same time.
            }
        }
    }
}
