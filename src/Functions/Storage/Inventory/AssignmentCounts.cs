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
/// the whole table). Two writers keep it: one grant's change writes the grant row and the count row in one
/// transaction under both ETags (<see cref="ChangeAsync"/>); an import, which writes many grant rows at once, then
/// recounts each application it touched: the recount reads the count row and the grant rows in one key-ordered read
/// and writes under the count row's ETag (or as a new row), so a recount or change that landed in between makes it
/// read again, and the last to land has seen every grant written before it began. An application without a count row
/// (stored before there were any) is counted from its grant rows.
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

    /// <summary>
    /// Writes one principal's grant row of an application (<paramref name="type"/> null deletes it) together with the
    /// application's count row, as one transaction under both rows' ETags, so the count moves with the grant or not at
    /// all (both rows are in the application's partition). An application without a count row is recounted instead.
    /// </summary>
    public async Task ChangeAsync(string appId, string principalId, AssignmentType? type, CancellationToken cancellationToken)
    {
        var grant = InventoryEntities.AppGrant(appId, principalId, type);
        for (var attempt = 1; attempt <= OptimisticRetry.MaxAttempts; attempt++)
        {
            var stored = await table.FindAsync(grant.PartitionKey, grant.RowKey, cancellationToken);
            var counted = await table.FindAsync(grant.PartitionKey, RowKey(appId), cancellationToken);
            var before = stored is null ? (AssignmentType?)null : Enum.Parse<AssignmentType>(InventoryEntities.Text(stored, InventoryEntities.AssignmentTypeColumn)!);
            if (before == type)
            {
                return;
            }

            if (counted is null)
            {
                await WriteGrantAsync(grant, type is null, cancellationToken);
                await RecountAsync([appId], cancellationToken);
                return;
            }

            var counts = new Dictionary<AssignmentType, int>(Stored(appId, counted).UsersByAssignmentType);
            var actions = new List<TableTransactionAction>();
            if (before is { } old)
            {
                counts[old]--;
                actions.Add(type is null
                    ? new TableTransactionAction(TableTransactionActionType.Delete, grant, stored!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, grant, stored!.ETag));
            }
            else
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, grant));
            }

            if (type is { } added)
            {
                counts[added]++;
            }

            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, CountRow(appId, counts), counted.ETag));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
            {
                // another change of this grant or this application landed first: read both again
            }
        }

        throw new ConcurrencyException($"the assignment count of application {appId}");
    }

    /// <summary>Per application, how many principals hold a grant of each type: its count row, or a count of its grant rows.</summary>
    public async Task<IReadOnlyList<AppAssignmentStats>> ReadAsync(IReadOnlyCollection<string> appIds, InventoryRowCache.Reader reader, CancellationToken cancellationToken)
    {
        var wanted = appIds.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count >= BucketedReads.ManyOwners)
        {
            // many applications: their buckets whole, count rows and grant rows together
            var all = await BucketedReads.OwnersRowsAsync(table, wanted, cancellationToken);
            return wanted.Select(appId => all.GetValueOrDefault(appId, []) is var own && own.FirstOrDefault(IsCountRow) is { } row
                ? Stored(appId, row)
                : Count(appId, own)).ToList();
        }

        var stored = await reader.FindManyAsync(
            table, wanted.Where(InventoryValidator.IsValidId).Select(appId => (InventoryKeys.Bucket(appId), RowKey(appId))), cancellationToken);
        var uncounted = wanted.Where(appId => !stored.ContainsKey(RowKey(appId))).ToList();
        var rows = uncounted.Count == 0
            ? new Dictionary<string, List<TableEntity>>()
            : await BucketedReads.OwnersRowsAsync(table, uncounted, cancellationToken, ["RowKey", InventoryEntities.AssignmentTypeColumn]);
        return wanted.Select(appId => stored.TryGetValue(RowKey(appId), out var row)
            ? Stored(appId, row)
            : Count(appId, rows.GetValueOrDefault(appId, []))).ToList();
    }

    private static AppAssignmentStats Stored(string appId, TableEntity countRow) =>
        new(appId, Types.ToDictionary(t => t, t => countRow.GetInt32(CountPrefix + t) ?? 0));

    private static string RowKey(string appId) => InventoryKeys.Row(appId, string.Empty);

    private static TableEntity CountRow(string appId, IReadOnlyDictionary<AssignmentType, int> counts)
    {
        var entity = new TableEntity(InventoryKeys.Bucket(appId), RowKey(appId));
        foreach (var type in Types)
        {
            entity[CountPrefix + type] = counts[type];
        }

        return entity;
    }

    private async Task WriteGrantAsync(TableEntity grant, bool delete, CancellationToken cancellationToken)
    {
        if (delete)
        {
            await table.DeleteEntityAsync(grant.PartitionKey, grant.RowKey, Azure.ETag.All, cancellationToken);
        }
        else
        {
            await table.UpsertEntityAsync(grant, TableUpdateMode.Replace, cancellationToken);
        }
    }

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

        var entity = CountRow(appId, counted);
        return stored is null
            ? new TableTransactionAction(TableTransactionActionType.Add, entity)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, stored.ETag);
    }
}
