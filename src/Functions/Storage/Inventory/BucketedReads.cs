using System.Collections.Concurrent;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Functions.Storage.Tables;
using Azure.Data.Tables;

namespace AccessReviewFunctions.Functions.Storage.Inventory;

/// <summary>Reads of the bucketed inventory tables (<see cref="InventoryKeys"/>) that every inventory adapter shares.</summary>
internal static class BucketedReads
{
    private const int Parallelism = 8;

    /// <summary>From this many wanted owners in one bucket on, the bucket is read whole instead of one range per owner.</summary>
    private const int WholeBucket = 16;

    /// <summary>
    /// From this many owners on, a reader reads their buckets whole (<see cref="OwnersRowsAsync"/>) rather than point
    /// reads per owner: about <see cref="WholeBucket"/> owners per bucket, where 16 bucket reads cost less than thousands of point reads.
    /// </summary>
    public const int ManyOwners = InventoryKeys.Buckets * WholeBucket;

    /// <summary>
    /// The rows of each owner (by RowKey order) in a bucketed table: one key-range query per owner, or one read of the
    /// whole bucket where it holds <see cref="WholeBucket"/> or more of the owners, so a principal with 20,000 apps costs
    /// 16 partition reads rather than 20,000 queries.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, List<TableEntity>>> OwnersRowsAsync(
        TableClient table, IEnumerable<string> ownerIds, CancellationToken cancellationToken, IList<string>? columns = null)
    {
        var wanted = ownerIds.Where(InventoryValidator.IsValidId).ToHashSet(StringComparer.Ordinal);
        var filters = wanted.GroupBy(InventoryKeys.Bucket, StringComparer.Ordinal).SelectMany(bucket => bucket.Count() >= WholeBucket
            ? [TableRows.Partition(bucket.Key)]
            : bucket.Select(id => TableRows.And(TableRows.Partition(bucket.Key), TableRows.RowPrefix(InventoryKeys.OwnerPrefix(id)))));
        var found = new ConcurrentBag<TableEntity>();
        await ForEachAsync(filters, cancellationToken, async (filter, ct) =>
        {
            foreach (var row in await table.QueryAllAsync(filter, ct, columns))
            {
                if (wanted.Contains(InventoryKeys.Owner(row.RowKey)))
                {
                    found.Add(row);
                }
            }
        });
        return found.GroupBy(row => InventoryKeys.Owner(row.RowKey), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(row => row.RowKey, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    /// <summary>Point reads of many rows, <see cref="Parallelism"/> at a time; the rows found, by row key.</summary>
    public static async Task<IReadOnlyDictionary<string, TableEntity>> FindManyAsync(
        TableClient table, IEnumerable<(string Partition, string Row)> keys, CancellationToken cancellationToken)
    {
        var found = new ConcurrentDictionary<string, TableEntity>(StringComparer.Ordinal);
        await ForEachAsync(keys.Distinct(), cancellationToken, async (key, ct) =>
        {
            if (await table.FindAsync(key.Partition, key.Row, ct) is { } entity)
            {
                found[key.Row] = entity;
            }
        });
        return found;
    }

    public static Task ForEachAsync<T>(IEnumerable<T> items, CancellationToken cancellationToken, Func<T, CancellationToken, ValueTask> body) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, body);
}
