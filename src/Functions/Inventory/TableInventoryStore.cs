using System.Collections.Concurrent;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Risk;
using AccessReviewFunctions.Functions.Storage;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Table;
using static AccessReviewFunctions.Functions.Inventory.InventoryEntities;

namespace AccessReviewFunctions.Functions.Inventory;

/// <summary>
/// The inventory in four tables: users (PK "user", RK id), resources (PK appId, RK "app" | "group:{id}" | "ent:{id}" |
/// "bundle:{id}"), grants (PK principalId, RK appId) and appgrants (PK appId, RK principalId), the last giving
/// per-application counts that stay right across re-imports because a grant is one row per (app, principal);
/// separation-of-duties rules in sodrules (PK "sod", RK id).
/// </summary>
internal sealed class TableInventoryStore : IInventoryStore
{
    private const int Parallelism = 8;
    private readonly CloudTable users;
    private readonly CloudTable resources;
    private readonly CloudTable grants;
    private readonly CloudTable appGrants;
    private readonly CloudTable sodRules;
    private volatile bool tablesExist;

    public TableInventoryStore(CloudStorageAccount account, StorageNames names)
    {
        var client = account.CreateCloudTableClient();
        users = client.GetTableReference(names.Table("invusers"));
        resources = client.GetTableReference(names.Table("invresources"));
        grants = client.GetTableReference(names.Table("invgrants"));
        appGrants = client.GetTableReference(names.Table("invappgrants"));
        sodRules = client.GetTableReference(names.Table("invsodrules"));
    }

    public async Task UpsertAsync(InventoryDocument document, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        var resourceEntities = document.Applications.Select(a => From(a))
            .Concat(document.Groups.Select(g => From(g)))
            .Concat(document.Entitlements.Select(e => From(e)))
            .Concat(document.Bundles.Select(b => From(b)));
        await Task.WhenAll(
            TableBatches.UpsertAsync(users, document.Users.Select(u => From(u)), cancellationToken),
            TableBatches.UpsertAsync(resources, resourceEntities, cancellationToken));
        await Task.WhenAll(
            TableBatches.UpsertAsync(grants, document.Grants.Select(g => From(g)), cancellationToken),
            TableBatches.UpsertAsync(appGrants, document.Grants.Select(AppGrant), cancellationToken),
            TableBatches.UpsertAsync(sodRules, document.SodRules.Select(r => From(r)), cancellationToken));
    }

    public async Task<InventoryUser?> GetUserAsync(string id, CancellationToken cancellationToken)
    {
        var entity = await RetrieveAsync(users, UserPartition, id, cancellationToken);
        return entity is null ? null : ToUser(entity);
    }

    public async Task<UserPage> ListUsersAsync(string? query, int limit, string? after, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        var filter = TableQuery.GenerateFilterCondition("PartitionKey", QueryComparisons.Equal, UserPartition);
        if (!string.IsNullOrEmpty(after))
        {
            filter = TableQuery.CombineFilters(filter, TableOperators.And, TableQuery.GenerateFilterCondition("RowKey", QueryComparisons.GreaterThan, after));
        }

        if (!string.IsNullOrEmpty(query))
        {
            filter = TableQuery.CombineFilters(filter, TableOperators.And, PrefixFilter(query.ToLowerInvariant()));
        }

        var found = new List<InventoryUser>();
        var tableQuery = new TableQuery { FilterString = filter, TakeCount = Math.Min(1000, limit + 1) };
        TableContinuationToken? token = null;
        do
        {
            var segment = await users.ExecuteQuerySegmentedAsync(tableQuery, token, null, null, cancellationToken);
            found.AddRange(segment.Results.Select(ToUser));
            token = segment.ContinuationToken;
        }
        while (token is not null && found.Count <= limit);

        var page = found.Take(limit).ToList();
        return new UserPage(page, found.Count > limit ? page[^1].Id : null);
    }

    public async Task<IReadOnlyList<InventoryUser>> FindUsersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = await RetrieveManyAsync(users, ids.Distinct().Select(id => (UserPartition, id)), cancellationToken);
        return ids.Distinct().Where(found.ContainsKey).Select(id => ToUser(found[id])).ToList();
    }

    public async Task<PrincipalAccess?> GetPrincipalAccessAsync(string principalId, CancellationToken cancellationToken)
    {
        var user = await GetUserAsync(principalId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var held = (await PartitionAsync(grants, principalId, cancellationToken)).Select(ToGrant).ToList();
        var apps = await ResourcesAsync(held.Select(g => g.AppId), cancellationToken);
        return new PrincipalAccess(user, held, apps);
    }

    public async Task<IReadOnlyList<AppAssignmentStats>> GetAssignmentStatsAsync(IReadOnlyCollection<string> appIds, CancellationToken cancellationToken)
    {
        var stats = new ConcurrentDictionary<string, AppAssignmentStats>(StringComparer.Ordinal);
        await ForEachAsync(appIds.Distinct(), cancellationToken, async (appId, ct) =>
        {
            var rows = await PartitionAsync(appGrants, appId, ct, [AssignmentTypeColumn]);
            var counts = Enum.GetValues<AssignmentType>().ToDictionary(t => t, _ => 0);
            foreach (var row in rows)
            {
                counts[Enum.Parse<AssignmentType>(Text(row, AssignmentTypeColumn)!)]++;
            }

            stats[appId] = new AppAssignmentStats(appId, counts);
        });
        return appIds.Distinct().Select(id => stats[id]).ToList();
    }

    public async Task<IReadOnlyList<SodRule>> GetSodRulesAsync(CancellationToken cancellationToken) =>
        (await PartitionAsync(sodRules, SodPartition, cancellationToken)).Select(ToSodRule).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    public async Task<StoredInventoryIds> ExistingIdsAsync(InventoryReferences references, CancellationToken cancellationToken)
    {
        var storedUsers = await RetrieveManyAsync(users, references.UserIds.Select(id => (UserPartition, id)), cancellationToken);
        var scopedApps = references.Groups.Concat(references.EntitlementValues).Concat(references.Bundles).Select(r => r.AppId);
        var partitions = new ConcurrentDictionary<string, IReadOnlyList<DynamicTableEntity>>(StringComparer.Ordinal);
        await ForEachAsync(references.AppIds.Concat(scopedApps).Distinct(), cancellationToken, async (appId, ct) =>
            partitions[appId] = await PartitionAsync(resources, appId, ct));

        var rows = partitions.Values.SelectMany(p => p).ToList();
        var values = new Dictionary<AppResourceRef, string>();
        foreach (var (entitlementId, entity) in Rows(rows, EntitlementPrefix))
        {
            foreach (var value in ToEntitlement(entity, entitlementId).Values)
            {
                values[new AppResourceRef(entity.PartitionKey, value.Id)] = entitlementId;
            }
        }

        return new StoredInventoryIds(
            storedUsers.Keys.ToHashSet(StringComparer.Ordinal),
            rows.Where(e => e.RowKey == AppRow).Select(e => e.PartitionKey).ToHashSet(StringComparer.Ordinal),
            Rows(rows, GroupPrefix).Select(x => new AppResourceRef(x.Entity.PartitionKey, x.Id)).ToHashSet(),
            values,
            Rows(rows, BundlePrefix).Select(x => new AppResourceRef(x.Entity.PartitionKey, x.Id)).ToHashSet(),
            await StoredResourcesAsync(references.ResourceIds, cancellationToken));
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

        await EnsureTablesAsync(cancellationToken);
        await ForEachAsync(ids.Where(InventoryValidator.IsValidId), cancellationToken, async (id, ct) =>
        {
            if (await RetrieveAsync(resources, id, AppRow, ct) is not null)
            {
                found[id] = [];
            }
        });

        var filter = TableQuery.CombineFilters(RowKeyPrefixFilter(GroupPrefix), TableOperators.Or, RowKeyPrefixFilter(EntitlementPrefix));
        var valueEntitlements = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var row in await resources.QueryAllAsync(filter, cancellationToken))
        {
            if (row.RowKey.StartsWith(GroupPrefix, StringComparison.Ordinal))
            {
                var groupId = row.RowKey[GroupPrefix.Length..];
                if (ids.Contains(groupId))
                {
                    found[groupId] = [];
                }

                continue;
            }

            var entitlementId = row.RowKey[EntitlementPrefix.Length..];
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

    private static string RowKeyPrefixFilter(string prefix) => TableQuery.CombineFilters(
        TableQuery.GenerateFilterCondition("RowKey", QueryComparisons.GreaterThanOrEqual, prefix),
        TableOperators.And,
        TableQuery.GenerateFilterCondition("RowKey", QueryComparisons.LessThan, prefix[..^1] + (char)(prefix[^1] + 1)));

    private static string PrefixFilter(string prefix)
    {
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        return string.Join(" or ", SearchColumns.Select(column => "(" + TableQuery.CombineFilters(
            TableQuery.GenerateFilterCondition(column, QueryComparisons.GreaterThanOrEqual, prefix),
            TableOperators.And,
            TableQuery.GenerateFilterCondition(column, QueryComparisons.LessThan, end)) + ")"));
    }

    private async Task<IReadOnlyDictionary<string, ApplicationResources>> ResourcesAsync(IEnumerable<string> appIds, CancellationToken cancellationToken)
    {
        var apps = new ConcurrentDictionary<string, ApplicationResources>(StringComparer.Ordinal);
        await ForEachAsync(appIds.Distinct(), cancellationToken, async (appId, ct) =>
        {
            if (ToResources(await PartitionAsync(resources, appId, ct)) is { } app)
            {
                apps[appId] = app;
            }
        });
        return new Dictionary<string, ApplicationResources>(apps, StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<DynamicTableEntity>> PartitionAsync(CloudTable table, string partitionKey, CancellationToken cancellationToken, IList<string>? columns = null)
    {
        await EnsureTablesAsync(cancellationToken);
        return await table.QueryAllAsync(TableQuery.GenerateFilterCondition("PartitionKey", QueryComparisons.Equal, partitionKey), cancellationToken, columns);
    }

    private async Task<IReadOnlyDictionary<string, DynamicTableEntity>> RetrieveManyAsync(CloudTable table, IEnumerable<(string Partition, string Row)> keys, CancellationToken cancellationToken)
    {
        var found = new ConcurrentDictionary<string, DynamicTableEntity>(StringComparer.Ordinal);
        await ForEachAsync(keys.Distinct(), cancellationToken, async (key, ct) =>
        {
            if (await RetrieveAsync(table, key.Partition, key.Row, ct) is { } entity)
            {
                found[key.Row] = entity;
            }
        });
        return found;
    }

    private async Task<DynamicTableEntity?> RetrieveAsync(CloudTable table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        if (!InventoryValidator.IsValidId(rowKey))
        {
            return null;
        }

        await EnsureTablesAsync(cancellationToken);
        var result = await table.ExecuteAsync(TableOperation.Retrieve(partitionKey, rowKey), null, null, cancellationToken);
        return result.Result as DynamicTableEntity;
    }

    private static Task ForEachAsync<T>(IEnumerable<T> items, CancellationToken cancellationToken, Func<T, CancellationToken, ValueTask> body) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, body);

    private async Task EnsureTablesAsync(CancellationToken cancellationToken)
    {
        if (tablesExist)
        {
            return;
        }

        await Task.WhenAll(new[] { users, resources, grants, appGrants, sodRules }.Select(t => t.CreateIfNotExistsAsync(null, null, cancellationToken)));
        tablesExist = true;
    }
}
