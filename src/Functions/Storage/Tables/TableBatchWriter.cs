using Azure.Data.Tables;

namespace AccessReviewFunctions.Functions.Storage.Tables;

/// <summary>
/// The one batch writer: upserts entities as entity-group transactions of one partition, at most 100 entities and
/// about 2 MB each, 8 at a time. Each batch is atomic; the whole is not, so callers write idempotent rows.
/// </summary>
internal static class TableBatchWriter
{
    private const int MaxEntities = 100;
    private const int MaxChars = 1_000_000;
    private const int Parallelism = 8;

    public static Task UpsertAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            Split(entities),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (batch, ct) => await table.SubmitTransactionAsync(batch, ct));

    private static IEnumerable<List<TableTransactionAction>> Split(IEnumerable<TableEntity> entities)
    {
        foreach (var partition in entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            var batch = new List<TableTransactionAction>();
            var chars = 0;
            foreach (var entity in partition)
            {
                var size = Size(entity);
                if (batch.Count == MaxEntities || (batch.Count > 0 && chars + size > MaxChars))
                {
                    yield return batch;
                    batch = [];
                    chars = 0;
                }

                batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
                chars += size;
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }

    private static int Size(TableEntity entity) => entity.RowKey.Length + entity.Sum(p => p.Key.Length + (p.Value is string text ? text.Length : 16));
}
