using Azure;
using Azure.Data.Tables;
using AccessReviewFunctions.Functions.Runtime.Durable;

namespace AccessReviewFunctions.Functions.Storage.Tables;

/// <summary>The durable runtime's partitions on Azure Table storage.</summary>
internal sealed class TablePartitionStore(StorageResources resources, string name) : IPartitionStore
{
    public async Task<Row?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(name, cancellationToken);
        return await table.FindAsync(partitionKey, rowKey, cancellationToken) is { } entity ? TableRows.ToRow(entity) : null;
    }

    public async Task<IReadOnlyList<Row>> ReadPrefixAsync(string? partitionKey, string rowPrefix, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(name, cancellationToken);
        var filter = partitionKey is null ? TableRows.RowPrefix(rowPrefix) : TableRows.And(TableRows.Partition(partitionKey), TableRows.RowPrefix(rowPrefix));
        return (await table.QueryAllAsync(filter, cancellationToken)).Select(TableRows.ToRow).ToList();
    }

    public async Task<IReadOnlyList<Row>> ReadRangeAsync(string partitionKey, string fromRowKey, string toRowKey, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(name, cancellationToken);
        var filter = TableRows.And(TableRows.Partition(partitionKey), TableRows.Compare("RowKey", "ge", fromRowKey), TableRows.Compare("RowKey", "lt", toRowKey));
        return (await table.QueryAllAsync(filter, cancellationToken)).Select(TableRows.ToRow).ToList();
    }

    public async Task<IReadOnlyList<string>> WriteAtomicallyAsync(IReadOnlyList<RowChange> changes, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(name, cancellationToken);
        var actions = changes.Select(c => new TableTransactionAction(Action(c.Write), TableRows.ToEntity(c.Row), ETagOf(c))).ToList();
        try
        {
            var results = await table.SubmitTransactionAsync(actions, cancellationToken);
            return results.Value.Select(r => r.Headers.ETag?.ToString() ?? string.Empty).ToList();
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
        {
            throw new WriteConflictException(e.Status != 409, e);
        }
    }

    public async Task UpsertManyAsync(IEnumerable<Row> rows, CancellationToken cancellationToken) =>
        await TableBatchWriter.UpsertAsync(await resources.TableAsync(name, cancellationToken), rows.Select(TableRows.ToEntity), cancellationToken);

    public async Task DeleteAsync(string partitionKey, IReadOnlyCollection<string> rowKeys, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(name, cancellationToken);
        foreach (var chunk in rowKeys.Distinct(StringComparer.Ordinal).Chunk(IPartitionStore.MaxAtomicChanges))
        {
            if (chunk.Length > 1)
            {
                try
                {
                    await table.SubmitTransactionAsync(chunk.Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ETag.All)), cancellationToken);
                    continue;
                }
                catch (TableTransactionFailedException e) when (e.Status == 404)
                {
                    // one of them is gone already: delete the rest one by one
                }
            }

            foreach (var rowKey in chunk)
            {
                await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
            }
        }
    }

    private static TableTransactionActionType Action(RowWrite write) => write switch
    {
        RowWrite.Insert => TableTransactionActionType.Add,
        RowWrite.Upsert => TableTransactionActionType.UpsertReplace,
        RowWrite.Delete => TableTransactionActionType.Delete,
        _ => TableTransactionActionType.UpdateReplace,
    };

    private static ETag ETagOf(RowChange change) =>
        change.Write is RowWrite.Replace or RowWrite.Delete && change.Row.ETag is { } etag ? new ETag(etag) : default;
}

internal sealed class TablePartitionStores(StorageResources resources) : IPartitionStores
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IPartitionStore> stores = new(StringComparer.Ordinal);

    public IPartitionStore Table(string name) => stores.GetOrAdd(name, n => new TablePartitionStore(resources, n));
}
