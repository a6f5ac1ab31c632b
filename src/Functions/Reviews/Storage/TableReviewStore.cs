using System.Net;
using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Functions.Common;
using AccessReviewFunctions.Functions.Storage;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Table;

namespace AccessReviewFunctions.Functions.Reviews.Storage;

internal sealed class TableReviewStore(ReviewTables tables, OutboxEntity outbox, IdGenerator ids, TimeProvider clock) : IReviewStore
{
    private const int BatchSize = 100;
    private const int WriteParallelism = 8;

    public async Task<LoadedReview?> GetAsync(string reviewId, CancellationToken cancellationToken)
    {
        var table = await tables.ReviewsAsync(cancellationToken);
        var result = await table.ExecuteAsync(TableOperation.Retrieve<DynamicTableEntity>(reviewId, ReviewRows.Header), null, null, cancellationToken);
        return result.Result is DynamicTableEntity entity
            ? new LoadedReview(SecurityAccessReview.Restore(HeaderEntity.Read(entity)), entity.ETag)
            : null;
    }

    public async Task<string> CommitAsync(ReviewCommit commit, CancellationToken cancellationToken)
    {
        if (commit.OperationCount > ReviewCommit.MaxOperations)
        {
            // Too many item rows for one transaction: they are upserted first, then the header and the rest
            // commit atomically. Such a step (restore-all on a large review) must compute rows as absolute states.
            await WriteAccessAsync(commit.Snapshot.Id, commit.Items ?? [], commit.SubItems ?? [], cancellationToken);
            commit = commit with { Items = null, SubItems = null };
        }

        if (commit.OperationCount > ReviewCommit.MaxOperations)
        {
            throw new InvalidOperationException($"A review commit holds at most {ReviewCommit.MaxOperations} operations, got {commit.OperationCount}");
        }

        var reviewId = commit.Snapshot.Id;
        var batch = new TableBatchOperation();
        var header = HeaderEntity.Write(commit.Snapshot);
        if (commit.ExpectedETag is null)
        {
            batch.Insert(header);
        }
        else
        {
            header.ETag = commit.ExpectedETag;
            batch.Replace(header);
        }

        var firstRevision = commit.Snapshot.Revision - commit.Events.Count + 1;
        var transactionId = commit.ProcessedMessageId ?? Guid.CreateVersion7(clock.GetUtcNow()).ToString();
        for (var i = 0; i < commit.Events.Count; i++)
        {
            batch.Insert(HistoryEntity(reviewId, firstRevision + i, commit.Events[i]));
            batch.Insert(AuditEntity(commit.Snapshot, firstRevision + i, commit.Events[i], transactionId));
        }

        foreach (var message in commit.Outbox)
        {
            batch.Insert(outbox.Write(reviewId, message, clock.GetUtcNow()));
        }

        foreach (var item in commit.Items ?? [])
        {
            batch.InsertOrReplace(JsonRow(reviewId, ReviewRows.Item(item.Id), item));
        }

        foreach (var sub in commit.SubItems ?? [])
        {
            batch.InsertOrReplace(JsonRow(reviewId, ReviewRows.Sub(sub.AccessItemId, sub.Id), sub));
        }

        if (commit.ProcessedMessageId is { } processed)
        {
            batch.Insert(new DynamicTableEntity(reviewId, ReviewRows.Processed(processed)));
        }

        var table = await tables.ReviewsAsync(cancellationToken);
        try
        {
            var results = await table.ExecuteBatchAsync(batch, null, null, cancellationToken);
            return results[0].Etag;
        }
        catch (StorageException e) when (e.RequestInformation?.HttpStatusCode == (int)HttpStatusCode.PreconditionFailed)
        {
            throw new ReviewConcurrencyException(reviewId);
        }
        catch (StorageException e) when (e.RequestInformation?.HttpStatusCode == (int)HttpStatusCode.Conflict)
        {
            throw commit.ProcessedMessageId is { } id ? new DuplicateMessageException(id) : new ReviewConcurrencyException(reviewId);
        }
    }

    public async Task<bool> WasProcessedAsync(string reviewId, string messageId, CancellationToken cancellationToken)
    {
        var table = await tables.ReviewsAsync(cancellationToken);
        var result = await table.ExecuteAsync(TableOperation.Retrieve<DynamicTableEntity>(reviewId, ReviewRows.Processed(messageId), ["PartitionKey"]), null, null, cancellationToken);
        return result.HttpStatusCode == (int)HttpStatusCode.OK;
    }

    public async Task<IReadOnlyList<AccessItem>> ListItemsAsync(string reviewId, CancellationToken cancellationToken) =>
        await ReadPrefixAsync<AccessItem>(reviewId, ReviewRows.ItemPrefix, cancellationToken);

    public async Task<IReadOnlyList<SubAccessItem>> ListSubItemsAsync(string reviewId, string? accessItemId, CancellationToken cancellationToken) =>
        await ReadPrefixAsync<SubAccessItem>(reviewId, accessItemId is null ? ReviewRows.SubPrefix : ReviewRows.Sub(accessItemId, string.Empty), cancellationToken);

    public async Task<AccessItem?> GetItemAsync(string reviewId, string accessItemId, CancellationToken cancellationToken)
    {
        var table = await tables.ReviewsAsync(cancellationToken);
        var result = await table.ExecuteAsync(TableOperation.Retrieve<DynamicTableEntity>(reviewId, ReviewRows.Item(accessItemId)), null, null, cancellationToken);
        return result.Result is DynamicTableEntity row ? ReviewJson.Read<AccessItem>(row.Properties["Json"].StringValue) : null;
    }

    public async Task WriteAccessAsync(string reviewId, IReadOnlyList<AccessItem> items, IReadOnlyList<SubAccessItem> subItems, CancellationToken cancellationToken)
    {
        var entities = items.Select(i => JsonRow(reviewId, ReviewRows.Item(i.Id), i))
            .Concat(subItems.Select(s => JsonRow(reviewId, ReviewRows.Sub(s.AccessItemId, s.Id), s)))
            .ToList();
        var table = await tables.ReviewsAsync(cancellationToken);
        await Parallel.ForEachAsync(
            entities.Chunk(BatchSize),
            new ParallelOptions { MaxDegreeOfParallelism = WriteParallelism, CancellationToken = cancellationToken },
            async (chunk, token) =>
            {
                var batch = new TableBatchOperation();
                foreach (var entity in chunk)
                {
                    batch.InsertOrReplace(entity);
                }

                await table.ExecuteBatchAsync(batch, null, null, token);
            });
    }

    public async Task<IReadOnlyList<HistoryEntry>> ListHistoryAsync(string reviewId, CancellationToken cancellationToken) =>
        await ReadPrefixAsync<HistoryEntry>(reviewId, ReviewRows.HistoryPrefix, cancellationToken);

    private async Task<List<T>> ReadPrefixAsync<T>(string reviewId, string prefix, CancellationToken cancellationToken)
    {
        var table = await tables.ReviewsAsync(cancellationToken);
        var rows = await table.QueryPrefixAsync(reviewId, prefix, cancellationToken, ["Json"]);
        return rows.Select(r => ReviewJson.Read<T>(r.Properties["Json"].StringValue)).ToList();
    }

    private DynamicTableEntity HistoryEntity(string reviewId, int revision, ReviewEvent change)
    {
        var entry = new HistoryEntry(ids.New("srh"), change.SystemGenerated, change.At, change.Describe(), change.ActorId);
        return JsonRow(reviewId, ReviewRows.History(revision), entry);
    }

    /// <summary>The event's System Log entry, atomically with the change; Published and EventType are columns for the log query.</summary>
    private DynamicTableEntity AuditEntity(ReviewSnapshot review, int revision, ReviewEvent change, string transactionId)
    {
        var log = AuditEvents.From(change, review, Guid.CreateVersion7(change.At).ToString(), transactionId);
        var row = JsonRow(review.Id, ReviewRows.Audit(revision), log);
        row.Properties[AuditColumns.Published] = new EntityProperty(log.Published);
        row.Properties[AuditColumns.EventType] = new EntityProperty(log.EventType);
        return row;
    }

    private static DynamicTableEntity JsonRow<T>(string partition, string row, T value) =>
        new(partition, row) { Properties = { ["Json"] = new EntityProperty(ReviewJson.Write(value)) } };
}
