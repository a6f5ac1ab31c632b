using System.Collections.Concurrent;
using AccessReviewFunctions.Domain.Inventory;
using Azure.Data.Tables;
using static AccessReviewFunctions.Functions.Storage.Inventory.InventoryEntities;

namespace AccessReviewFunctions.Functions.Storage.Inventory;

/// <summary>
/// The resources a principal's grants reference, by point reads of invresources: each granted application's row, the
/// groups and bundles the grant names, and the entitlements holding its entitlement values (its own and its bundles'),
/// found through the value rows <c>{appId}:val:{valueId}</c> an import writes beside each entitlement. An application
/// whose value rows are missing or no longer match (stored before value rows existed, or the value left its
/// entitlement) is read whole with one key-range query instead, and so is a principal of
/// <see cref="BucketedReads.ManyOwners"/> applications or more (whole buckets: 16 queries for 20,000 applications).
/// On Azurite every query costs the whole table and a point read does not, so gathering a principal of 20
/// applications costs point reads and no query; the point reads go through <see cref="InventoryRowCache"/>, so
/// applications gathered before cost none.
/// </summary>
internal sealed class GrantedResources(TableClient table, InventoryRowCache.Reader rows)
{
    public async Task<IReadOnlyDictionary<string, ApplicationResources>> ReadAsync(IReadOnlyList<Grant> grants, CancellationToken cancellationToken)
    {
        var apps = new ConcurrentDictionary<string, ApplicationResources>(StringComparer.Ordinal);
        var many = grants.Count >= BucketedReads.ManyOwners;
        var unresolved = new ConcurrentBag<string>(many ? grants.Select(g => g.AppId) : []);
        await BucketedReads.ForEachAsync((many ? [] : grants).Where(g => InventoryValidator.IsValidId(g.AppId)), cancellationToken, async (grant, ct) =>
        {
            switch (await ReadAsync(grant, ct))
            {
                case (true, { } app):
                    apps[grant.AppId] = app;
                    break;
                case (true, null):
                    unresolved.Add(grant.AppId);
                    break;
            }
        });

        foreach (var (appId, rows) in await BucketedReads.OwnersRowsAsync(table, unresolved, cancellationToken))
        {
            if (ToResources(rows) is { } app)
            {
                apps[appId] = app;
            }
        }

        return apps;
    }

    /// <summary>Whether the application is stored, and it with what the grant references; null when a value did not resolve.</summary>
    private async Task<(bool Stored, ApplicationResources? Resources)> ReadAsync(Grant grant, CancellationToken cancellationToken)
    {
        var appId = grant.AppId;
        var named = await FindAsync(appId, [AppRow, .. grant.GroupIds.Select(id => GroupPrefix + id), .. grant.BundleIds.Select(id => BundlePrefix + id)], cancellationToken);
        if (!named.ContainsKey(InventoryKeys.Row(appId, AppRow)))
        {
            return (false, null);
        }

        var bundles = Rows(named.Values, BundlePrefix).Select(b => ToBundle(b.Entity, b.Id));
        var valueIds = grant.EntitlementValueIds.Concat(bundles.SelectMany(b => b.EntitlementValueIds)).Distinct(StringComparer.Ordinal).ToList();
        var valueRows = await FindAsync(appId, valueIds.Select(id => ValuePrefix + id), cancellationToken);
        var holders = valueIds.ToDictionary(id => id, id => valueRows.GetValueOrDefault(InventoryKeys.Row(appId, ValuePrefix + id))?.GetString(EntitlementIdColumn));
        var entitlements = await FindAsync(appId, holders.Values.OfType<string>().Distinct().Select(id => EntitlementPrefix + id), cancellationToken);
        var held = Rows(entitlements.Values, EntitlementPrefix).ToDictionary(e => e.Id, e => ToEntitlement(e.Entity, e.Id));
        var resolved = holders.All(h => h.Value is { } holder && held.TryGetValue(holder, out var e) && e.Values.Any(v => v.Id == h.Key));
        return (true, resolved ? ToResources(named.Values.Concat(entitlements.Values).OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList()) : null);
    }

    /// <summary>Point reads of the application's rows with these local keys (ids in stored grants were validated at import).</summary>
    private Task<IReadOnlyDictionary<string, TableEntity>> FindAsync(string appId, IEnumerable<string> locals, CancellationToken cancellationToken) =>
        rows.FindManyAsync(table, locals.Select(local => (InventoryKeys.Bucket(appId), InventoryKeys.Row(appId, local))), cancellationToken);
}
