using AccessReviewFunctions.Domain.Querying;
using System.Collections.Concurrent;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Risk;
using Azure.Data.Tables;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Storage.Tables;
using static AccessReviewFunctions.Functions.Storage.Inventory.InventoryEntities;

namespace AccessReviewFunctions.Functions.Storage.Inventory;

/// <summary>
/// The inventory in four tables: users (PK "user", RK id), resources (PK bucket of appId, RK "{appId}:app" |
/// "{appId}:group:{id}" | "{appId}:ent:{id}" | "{appId}:bundle:{id}"), grants (PK bucket of principalId, RK
/// "{principalId}:{appId}") and appgrants (PK bucket of appId, RK "{appId}:{principalId}"), the last giving
/// per-application counts that stay right across re-imports because a grant is one row per (app, principal), kept in a
/// count row per application (<see cref="AssignmentCounts"/>); gathering reads what grants reference by point reads
/// (<see cref="GrantedResources"/>);
/// separation-of-duties rules in sodrules (PK "sod", RK id). Buckets (<see cref="InventoryKeys"/>) let an import write
/// full transactions; a reader of a few owners reads each owner's key range, a reader of many reads whole buckets.
/// </summary>
internal sealed class TableInventoryStore(StorageResources storage, TableServerInventory servers, InventoryRowCache cache) : IInventoryStore
{
    private const string Users = "invusers";
    private const string Resources = "invresources";
    private const string Grants = "invgrants";
    private const string AppGrants = "invappgrants";
    private const string SodRules = "invsodrules";

    public Task UpsertAsync(InventoryDocument document, CancellationToken cancellationToken) =>
        ChangingAsync(() => WriteAsync(document, cancellationToken));

    private async Task WriteAsync(InventoryDocument document, CancellationToken cancellationToken)
    {
        var (users, resources, grants, appGrants, sodRules) = (
            await TableAsync(Users, cancellationToken), await TableAsync(Resources, cancellationToken), await TableAsync(Grants, cancellationToken),
            await TableAsync(AppGrants, cancellationToken), await TableAsync(SodRules, cancellationToken));
        var resourceEntities = document.Applications.Select(a => From(a))
            .Concat(document.Groups.Select(g => From(g)))
            .Concat(document.Entitlements.Select(e => From(e)))
            .Concat(document.Entitlements.SelectMany(ValueRows))
            .Concat(document.Bundles.Select(b => From(b)));
        // One table after another: each write already keeps 8 full transactions in flight, which is what one storage
        // account (and a single-threaded Azurite) answers fastest; more at once only queue up and time out under load.
        await TableBatchWriter.UpsertAsync(users, document.Users.Select(u => From(u)), cancellationToken);
        await TableBatchWriter.UpsertAsync(resources, resourceEntities, cancellationToken);
        await TableBatchWriter.UpsertAsync(grants, document.Grants.Select(g => From(g)), cancellationToken);
        await TableBatchWriter.UpsertAsync(appGrants, document.Grants.Select(AppGrant), cancellationToken);
        await new AssignmentCounts(appGrants).RecountAsync(document.Grants.Select(g => g.AppId), cancellationToken);
        await TableBatchWriter.UpsertAsync(sodRules, document.SodRules.Select(r => From(r)), cancellationToken);
        await servers.UpsertAsync(document, cancellationToken);
    }

    public async Task<InventoryUser?> GetUserAsync(string id, CancellationToken cancellationToken)
    {
        var entity = await RetrieveAsync(Users, UserPartition, id, cancellationToken);
        return entity is null ? null : ToUser(entity);
    }

    public async Task<InventoryUser?> GetUserByLoginAsync(string login, CancellationToken cancellationToken)
    {
        var users = await TableAsync(Users, cancellationToken);
        var found = await users.QueryAllAsync(TableRows.And(TableRows.Partition(UserPartition), TableRows.Compare("Login", "eq", login)), cancellationToken);
        return found.Count == 0 ? null : ToUser(found[0]);
    }

    public async Task<Page<InventoryUser>> ListUsersAsync(string? query, Func<InventoryUser, bool> keep, int limit, string? after, CancellationToken cancellationToken)
    {
        var users = await TableAsync(Users, cancellationToken);
        var filter = TableRows.Partition(UserPartition);
        if (!string.IsNullOrEmpty(after))
        {
            filter = TableRows.And(filter, TableRows.Compare("RowKey", "gt", after));
        }

        if (!string.IsNullOrEmpty(query))
        {
            filter = TableRows.And(filter, PrefixFilter(query.ToLowerInvariant()));
        }

        var found = new List<InventoryUser>();
        await foreach (var segment in users.QueryAsync<TableEntity>(filter, Math.Min(1000, limit + 1), cancellationToken: cancellationToken).AsPages())
        {
            found.AddRange(segment.Values.Select(ToUser).Where(keep));
            if (found.Count > limit)
            {
                break;
            }
        }

        var page = found.Take(limit).ToList();
        return new Page<InventoryUser>(page, found.Count > limit ? page[^1].Id : null);
    }

    public async Task<IReadOnlyList<InventoryUser>> FindUsersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = await RetrieveManyAsync(Users, ids.Distinct().Select(id => (UserPartition, id)), cancellationToken);
        return ids.Distinct().Where(found.ContainsKey).Select(id => ToUser(found[id])).ToList();
    }

    public async Task<PrincipalAccess?> GetPrincipalAccessAsync(string principalId, CancellationToken cancellationToken)
    {
        var user = await GetUserAsync(principalId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var held = (await OwnersRowsAsync(Grants, [principalId], cancellationToken)).GetValueOrDefault(principalId, []).Select(ToGrant).ToList();
        var apps = await new GrantedResources(await TableAsync(Resources, cancellationToken), await cache.ReaderAsync(cancellationToken)).ReadAsync(held, cancellationToken);
        return new PrincipalAccess(user, held, apps);
    }

    public async Task<Grant?> GetGrantAsync(string principalId, string appId, CancellationToken cancellationToken) =>
        InventoryValidator.IsValidId(principalId) && InventoryValidator.IsValidId(appId)
        && await FindAsync(Grants, InventoryKeys.Bucket(principalId), InventoryKeys.Row(principalId, appId), cancellationToken) is { } entity
            ? ToGrant(entity)
            : null;

    public Task PutGrantAsync(Grant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return ChangingAsync(async () =>
        {
            await (await TableAsync(Grants, cancellationToken)).UpsertEntityAsync(From(grant), TableUpdateMode.Replace, cancellationToken);
            await new AssignmentCounts(await TableAsync(AppGrants, cancellationToken)).ChangeAsync(grant.AppId, grant.PrincipalId, grant.AssignmentType, cancellationToken);
        });
    }

    public Task DeleteGrantAsync(string principalId, string appId, CancellationToken cancellationToken) => ChangingAsync(async () =>
    {
        await (await TableAsync(Grants, cancellationToken)).DeleteEntityAsync(
            InventoryKeys.Bucket(principalId), InventoryKeys.Row(principalId, appId), cancellationToken: cancellationToken);
        await new AssignmentCounts(await TableAsync(AppGrants, cancellationToken)).ChangeAsync(appId, principalId, null, cancellationToken);
    });

    public async Task<IReadOnlyList<AppAssignmentStats>> GetAssignmentStatsAsync(IReadOnlyCollection<string> appIds, CancellationToken cancellationToken) =>
        await new AssignmentCounts(await TableAsync(AppGrants, cancellationToken)).ReadAsync(appIds, await cache.ReaderAsync(cancellationToken), cancellationToken);

    /// <summary>Writes inventory rows, then a new inventory version (<see cref="InventoryRowCache"/>), also when the write fails part-way.</summary>
    private async Task ChangingAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        finally
        {
            await cache.ChangedAsync(CancellationToken.None);
        }
    }

    public async Task<IReadOnlyList<SodRule>> GetSodRulesAsync(CancellationToken cancellationToken) =>
        (await PartitionAsync(SodRules, SodPartition, cancellationToken)).Select(ToSodRule).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    public async Task<StoredInventoryIds> ExistingIdsAsync(InventoryReferences references, CancellationToken cancellationToken)
    {
        var storedUsers = await RetrieveManyAsync(Users, references.UserIds.Select(id => (UserPartition, id)), cancellationToken);
        var scopedApps = references.Groups.Concat(references.EntitlementValues).Concat(references.Bundles).Select(r => r.AppId);
        var rows = (await OwnersRowsAsync(Resources, references.AppIds.Concat(scopedApps), cancellationToken)).Values.SelectMany(p => p).ToList();
        var values = new Dictionary<AppResourceRef, string>();
        foreach (var (entitlementId, entity) in Rows(rows, EntitlementPrefix))
        {
            foreach (var value in ToEntitlement(entity, entitlementId).Values)
            {
                values[new AppResourceRef(InventoryKeys.Owner(entity.RowKey), value.Id)] = entitlementId;
            }
        }

        return new StoredInventoryIds(
            storedUsers.Keys.ToHashSet(StringComparer.Ordinal),
            rows.Where(e => InventoryKeys.Local(e.RowKey) == AppRow).Select(e => InventoryKeys.Owner(e.RowKey)).ToHashSet(StringComparer.Ordinal),
            Rows(rows, GroupPrefix).Select(x => new AppResourceRef(InventoryKeys.Owner(x.Entity.RowKey), x.Id)).ToHashSet(),
            values,
            Rows(rows, BundlePrefix).Select(x => new AppResourceRef(InventoryKeys.Owner(x.Entity.RowKey), x.Id)).ToHashSet(),
            await StoredResourcesAsync(references.ResourceIds, cancellationToken),
            await servers.ExistingAsync(references.ServerIds ?? new HashSet<string>(), cancellationToken));
    }

    /// <summary>
    /// Resolves unscoped ids (SoD rule sides): applications by point reads; groups and entitlement values, whose
    /// partition is unknown, by one scan of the group and entitlement rows of invresources. Only runs for ids the
    /// document does not define, and rules are few, so the scan is rare.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> StoredResourcesAsync(IReadOnlySet<string> ids, CancellationToken cancellationToken)
    {
        var found = new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }

        await BucketedReads.ForEachAsync(ids.Where(InventoryValidator.IsValidId), cancellationToken, async (id, ct) =>
        {
            if (await FindAsync(Resources, InventoryKeys.Bucket(id), InventoryKeys.Row(id, AppRow), ct) is not null)
            {
                found[id] = [];
            }
        });

        var filter = TableRows.Or(TableRows.Compare(KindColumn, "eq", GroupPrefix.TrimEnd(':')), TableRows.Compare(KindColumn, "eq", EntitlementPrefix.TrimEnd(':')));
        var valueEntitlements = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var row in await (await TableAsync(Resources, cancellationToken)).QueryAllAsync(filter, cancellationToken))
        {
            var local = InventoryKeys.Local(row.RowKey);
            if (local.StartsWith(GroupPrefix, StringComparison.Ordinal))
            {
                var groupId = local[GroupPrefix.Length..];
                if (ids.Contains(groupId))
                {
                    found[groupId] = [];
                }

                continue;
            }

            var entitlementId = local[EntitlementPrefix.Length..];
            foreach (var value in ToEntitlement(row, entitlementId).Values.Where(v => ids.Contains(v.Id)))
            {
                if (!valueEntitlements.TryGetValue(value.Id, out var holders))
                {
                    valueEntitlements[value.Id] = holders = [];
                }

                holders.Add(entitlementId);
            }
        }

        foreach (var (valueId, entitlementIds) in valueEntitlements)
        {
            found.TryAdd(valueId, entitlementIds);
        }

        return found;
    }

    /// <summary>Any of the search columns starts with the prefix.</summary>
    private static string PrefixFilter(string prefix) => TableRows.Or([.. SearchColumns.Select(column => TableRows.Starts(column, prefix))]);

    private async Task<IReadOnlyDictionary<string, List<TableEntity>>> OwnersRowsAsync(
        string tableName, IEnumerable<string> ownerIds, CancellationToken cancellationToken) =>
        await BucketedReads.OwnersRowsAsync(await TableAsync(tableName, cancellationToken), ownerIds, cancellationToken);

    private async Task<IReadOnlyList<TableEntity>> PartitionAsync(string table, string partitionKey, CancellationToken cancellationToken) =>
        await (await TableAsync(table, cancellationToken)).QueryAllAsync(TableRows.Partition(partitionKey), cancellationToken);

    private async Task<IReadOnlyDictionary<string, TableEntity>> RetrieveManyAsync(string table, IEnumerable<(string Partition, string Row)> keys, CancellationToken cancellationToken) =>
        await BucketedReads.FindManyAsync(await TableAsync(table, cancellationToken), keys.Where(k => InventoryValidator.IsValidId(k.Row)), cancellationToken);

    private async Task<TableEntity?> RetrieveAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        InventoryValidator.IsValidId(rowKey) ? await FindAsync(table, partitionKey, rowKey, cancellationToken) : null;

    private async Task<TableEntity?> FindAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        await (await TableAsync(table, cancellationToken)).FindAsync(partitionKey, rowKey, cancellationToken);

    private Task<TableClient> TableAsync(string name, CancellationToken cancellationToken) => storage.TableAsync(name, cancellationToken);
}
