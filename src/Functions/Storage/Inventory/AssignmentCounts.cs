using System.Collections.Concurrent;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Storage.Tables;
using Azure.Data.Tables;

namespace AccessReviewFunctions.Functions.Storage.Inventory;

/// <summary>
/// Per-application assignment counts, one row per application in invappgrants keyed <c>{appId}:</c>: the first row of
/// the application's key range, before the grant rows <c>{appId}:{principalId}</c> it counts. Gathering reads it with
/// one point read per application instead of a query over the application's grants (on Azurite every query costs
/// the whole table). Only a recount writes it, after grants change: the recount reads the count row and the grant
/// rows in one key-ordered read and writes under the count row's ETag (or as a new row), so of two recounts that
/// race the later one reads again, and the last to land has seen every grant written before it began.
/// An application without a count row (stored before there were any) is counted from its grant rows.
/// </summary>
internal sealed class AssignmentCounts(TableClient table)
{
    private const string CountPrefix = "Count_";
    private static readonly AssignmentType[] Types = Enum.GetValues<AssignmentType>();

    public static bool IsCountRow(TableEntity row) => InventoryKeys.Local(row.RowKey).Length == 0;

    /// <summary>Recounts the applications' grant rows into their count rows, again for any whose row changed meanwhile.</summary>
    public async Task RecountAsync(IEnumerable<string> appIds, CancellationToken cancellationToken)
    {
        var pending = appIds.Where(InventoryValidator.IsValidId).ToHashSet(StringComparer.Ordinal);
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            if (attempt > OptimisticRetry.MaxAttempts)
            {
                throw new ConcurrencyException($"the assignment counts of {pending.Count} applications");
            }

            var rows = await BucketedReads.OwnersRowsAsync(table, pending, cancellationToken);
            var refused = new ConcurrentBag<string>();
            var writes = pending.Select(appId => Write(appId, rows.GetValueOrDefault(appId, []))).OfType<TableTransactionAction>();
            await TableBatchWriter.SubmitAsync(table, writes, cancellationToken, batch =>
            {
                foreach (var action in batch)
                {
                    refused.Add(InventoryKeys.Owner(action.Entity.RowKey));
                }
            });
            pending = refused.ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>Per application, how many principals hold a grant of each type: its count row, or a count of its grant rows.</summary>
    public async Task<IReadOnlyList<AppAssignmentStats>> ReadAsync(IReadOnlyCollection<string> appIds, InventoryRowCache.Reader reader, CancellationToken cancellationToken)
    {
        var wanted = appIds.Distinct(StringComparer.Ordinal).ToList();
        var stored = await reader.FindManyAsync(
            table, wanted.Where(InventoryValidator.IsValidId).Select(appId => (InventoryKeys.Bucket(appId), RowKey(appId))), cancellationToken);
        var uncounted = wanted.Where(appId => !stored.ContainsKey(RowKey(appId))).ToList();
        var rows = uncounted.Count == 0
            ? new Dictionary<string, List<TableEntity>>()
            : await BucketedReads.OwnersRowsAsync(table, uncounted, cancellationToken, ["RowKey", InventoryEntities.AssignmentTypeColumn]);
        return wanted.Select(appId => stored.TryGetValue(RowKey(appId), out var row)
            ? new AppAssignmentStats(appId, Types.ToDictionary(t => t, t => row.GetInt32(CountPrefix + t) ?? 0))
            : Count(appId, rows.GetValueOrDefault(appId, []))).ToList();
    }

    private static string RowKey(string appId) => InventoryKeys.Row(appId, string.Empty);

    private static AppAssignmentStats Count(string appId, IEnumerable<TableEntity> rows)
    {
        var counts = Types.ToDictionary(t => t, _ => 0);
        foreach (var row in rows.Where(r => !IsCountRow(r)))
        {
            counts[Enum.Parse<AssignmentType>(InventoryEntities.Text(row, InventoryEntities.AssignmentTypeColumn)!)]++;
        }

        return new AppAssignmentStats(appId, counts);
    }

    /// <summary>The write that makes the count row match the grant rows; null when it already does.</summary>
    private static TableTransactionAction? Write(string appId, IReadOnlyList<TableEntity> rows)
    {
        var counted = Count(appId, rows).UsersByAssignmentType;
        var stored = rows.FirstOrDefault(IsCountRow);
        if (stored is not null && Types.All(t => stored.GetInt32(CountPrefix + t) == counted[t]))
        {
            return null;
        }

        var entity = new TableEntity(InventoryKeys.Bucket(appId), RowKey(appId));
        foreach (var type in Types)
        {
            entity[CountPrefix + type] = counted[type];
        }

        return stored is null
            ? new TableTransactionAction(TableTransactionActionType.Add, entity)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, stored.ETag);
    }
}
