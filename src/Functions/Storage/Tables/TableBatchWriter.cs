using Azure.Data.Tables;

namespace AccessReviewFunctions.Functions.Storage.Tables;

/// <summary>
/// The one batch writer: upserts entities (or submits other actions) as entity-group transactions of one partition,
/// at most 100 entities and about 2 MB each, 8 at a time. Each batch is atomic; the whole is not, so callers write
/// idempotent rows.
/// </summary>
internal static class TableBatchWriter
{
    private const int MaxEntities = 100;
    private const int MaxChars = 1_000_000;
    private const int Parallelism = 8;

    public static Task UpsertAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken) =>
        SubmitAsync(table, entities.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);

    /// <summary>
    /// Submits the actions as transactions of one partition each; a transaction refused for a precondition (409
    /// entity exists, 412 ETag changed) goes to <paramref name="refused"/> instead of failing the whole.
    /// </summary>
    public static Task SubmitAsync(
        TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken, Action<IReadOnlyList<TableTransactionAction>>? refused = null) =>
        Parallel.ForEachAsync(
            Split(actions),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                try
                {
                    await table.SubmitTransactionAsync(batch, ct);
                }
                catch (TableTransactionFailedException e) when (refused is not null && e.Status is 409 or 412)
                {
                    refused(batch);
                }
            });

    private static IEnumerable<List<TableTransactionAction>> Split(IEnumerable<TableTransactionAction> actions)
    {
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
        {
            var batch = new List<TableTransactionAction>();
            var chars = 0;
            foreach (var action in partition)
            {
                var size = Size(action.Entity);
                if (batch.Count == MaxEntities || (batch.Count > 0 && chars + size > MaxChars))
                {
                    yield return batch;
                    batch = [];
                    chars = 0;
                }

                batch.Add(action);
                chars += size;
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }

    private static int Size(ITableEntity entity) => entity is TableEntity columns
        ? entity.RowKey.Length + columns.Sum(p => p.Key.Length + (p.Value is string text ? text.Length : 16))
        : entity.RowKey.Length;
}
