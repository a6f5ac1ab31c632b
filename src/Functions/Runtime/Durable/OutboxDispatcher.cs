using AccessReviewFunctions.Functions.Runtime.Queues;

namespace AccessReviewFunctions.Functions.Runtime.Durable;

/// <summary>
/// Sends a partition's outbox rows to their queues, then deletes them (one transaction). A crash between the sends and
/// the delete sends the messages again; their receivers drop the duplicates by their processed-message ids.
/// </summary>
internal interface IOutboxDispatcher
{
    /// <summary>
    /// Sends the partition's outbox rows: <paramref name="written"/> when the caller knows them (the rows its own commit
    /// wrote: no read), else every outbox row of the partition (one range read). With <paramref name="inProcessFirst"/>
    /// the messages this process can handle itself are handled here instead (<see cref="Queues.InProcessDelivery"/>).
    /// </summary>
    Task DispatchAsync(string table, string partitionKey, IReadOnlyList<Row>? written, bool inProcessFirst, CancellationToken cancellationToken);

    /// <summary>Dispatches rows left behind by a crash, across all partitions of the table, older than the given age.</summary>
    Task<int> DispatchStrandedAsync(string table, TimeSpan olderThan, CancellationToken cancellationToken);
}

internal sealed class OutboxDispatcher(IPartitionStores stores, OutboxRows outbox, IMessageSender sender, InProcessDelivery inProcess, TimeProvider clock) : IOutboxDispatcher
{
    public async Task DispatchAsync(string table, string partitionKey, IReadOnlyList<Row>? written, bool inProcessFirst, CancellationToken cancellationToken)
    {
        var store = stores.Table(table);
        await SendAllAsync(store, written ?? await store.ReadPrefixAsync(partitionKey, DurableRows.OutboxPrefix, cancellationToken), inProcessFirst, cancellationToken);
    }

    public async Task<int> DispatchStrandedAsync(string table, TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var store = stores.Table(table);
        var cutoff = clock.GetUtcNow() - olderThan;
        var rows = (await store.ReadPrefixAsync(null, DurableRows.OutboxPrefix, cancellationToken)).Where(r => OutboxRows.WrittenAt(r) <= cutoff).ToList();
        await SendAllAsync(store, rows, inProcessFirst: false, cancellationToken);
        return rows.Count;
    }

    /// <summary>Sends (or handles here) a partition's rows, then deletes them in one transaction.</summary>
    private async Task SendAllAsync(IPartitionStore store, IEnumerable<Row> rows, bool inProcessFirst, CancellationToken cancellationToken)
    {
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var message in partition.Select(outbox.Read))
            {
                if (!inProcessFirst || !await inProcess.TryHandleAsync(message, cancellationToken))
                {
                    await sender.SendAsync(message, cancellationToken);
                }
            }

            await store.DeleteAsync(partition.Key, partition.Select(r => r.RowKey).ToList(), cancellationToken);
        }
    }
}
