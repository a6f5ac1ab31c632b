using Microsoft.WindowsAzure.Storage.Table;

namespace AccessReviewFunctions.Functions.Inventory;

/// <summary>Writes entities as insert-or-replace batches: one partition, at most 100 entities and about 2 MB each, 8 at a time.</summary>
internal static class TableBatches
{
    private const int MaxEntities = 100;
    private const int MaxChars = 1_000_000;
    private const int Parallelism = 8;

    public static Task UpsertAsync(CloudTable table, IEnumerable<DynamicTableEntity> entities, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            Split(entities),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (batch, ct) => await table.ExecuteBatchAsync(batch, null, null, ct));

    private static IEnumerable<TableBatchOperation> Split(IEnumerable<DynamicTableEntity> entities)
    {
        foreach (var partition in entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            var batch = new TableBatchOperation();
            var chars = 0;
            foreach (var entity in partition)
            {
                var size = Size(entity);
                if (batch.Count == MaxEntities || (batch.Count > 0 && chars + size > MaxChars))
                {
                    yield return batch;
                    batch = new TableBatchOperation();
                    chars = 0;
                }

                batch.InsertOrReplace(entity);
                chars += size;
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }

    private static int Size(DynamicTableEntity entity) =>
        entity.RowKey.Length + entity.Properties.Sum(p => p.Key.Length + (p.Value.PropertyType == EdmType.String ? p.Value.StringValue?.Length ?? 0 : 16));
}
