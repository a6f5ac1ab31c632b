using System.Diagnostics.Metrics;
using System.Net;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Storage;
using AccessReviewFunctions.Functions.Storage.Tables;
using AccessReviewFunctions.Functions.Storage.Inventory;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Inventory.InventoryData;

namespace AccessReviewFunctions.Functions.Tests.Inventory;

/// <summary>
/// Gathering reads the inventory by point reads (on Azurite every query costs the whole table): what a principal's
/// grants reference, through the value rows an import writes beside each entitlement, and per-application counts kept
/// in a count row per application; data stored without those rows is still read right, by queries.
/// </summary>
public sealed class InventoryPointReadTests : IDisposable
{
    private const string Other = "0oaapp00000000000002";
    private const string Plain = "0oaapp00000000000003";
    private readonly ApiHost host = new();

    private IInventoryStore Store => host.Services.GetRequiredService<IInventoryStore>();

    [Fact]
    public async Task PrincipalAccess_ReferencedResourcesByPointReads_OneQueryForTheGrants()
    {
        await ImportAsync(Held());
        await host.Services.QuietAsync();
        using var calls = new StorageCalls(host.Services.GetRequiredService<IMeterFactory>());

        var access = await Store.GetPrincipalAccessAsync(Id(1), CancellationToken.None);

        Assert.Equal(1, calls.Of("table query"));
        var apps = access!.Apps;
        Assert.Equal([AppId, Other, Plain], apps.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([GroupId], apps[AppId].Groups.Select(g => g.Id));
        Assert.Equal(["espent00000000000001"], apps[AppId].Entitlements.Select(e => e.Id));
        Assert.Equal(["espent00000000000002"], apps[Other].Entitlements.Select(e => e.Id));
        Assert.Equal(["bndl0000000000000001"], apps[Other].Bundles.Select(b => b.Id));
        Assert.Empty(apps[Plain].Groups.Concat<object>(apps[Plain].Entitlements).Concat(apps[Plain].Bundles));

        calls.Reset();
        var stats = (await Store.GetAssignmentStatsAsync([AppId, Other, Plain], CancellationToken.None)).ToDictionary(s => s.AppId);
        Assert.Equal((0, 1 + 3), (calls.Of("table query"), (int)calls.Of("table get")));
        Assert.Equal(2, stats[AppId].UsersByAssignmentType[AssignmentType.GROUP]);
        Assert.Equal(1, stats[Other].UsersByAssignmentType[AssignmentType.INDIVIDUAL]);
    }

    [Fact]
    public async Task PrincipalAccess_AppsReadBefore_CostOnlyTheVersion()
    {
        await ImportAsync(Held());
        await Store.GetPrincipalAccessAsync(Id(1), CancellationToken.None);
        await Store.GetAssignmentStatsAsync([AppId], CancellationToken.None);
        await host.Services.QuietAsync();
        using var calls = new StorageCalls(host.Services.GetRequiredService<IMeterFactory>());

        var access = await Store.GetPrincipalAccessAsync(Id(2), CancellationToken.None);
        var stats = Assert.Single(await Store.GetAssignmentStatsAsync([AppId], CancellationToken.None));

        // the user and the version twice (access, then counts), the principal's grant rows; queue polls do not count
        var tables = calls.Counts.Where(c => c.Key.StartsWith("table ", StringComparison.Ordinal)).OrderBy(c => c.Key, StringComparer.Ordinal);
        Assert.Equal("table get 3, table query 1", string.Join(", ", tables.Select(c => $"{c.Key} {c.Value}")));
        Assert.Equal(["Salesforce Users"], access!.Apps[AppId].Groups.Select(g => g.Name));
        Assert.Equal(2, stats.UsersByAssignmentType[AssignmentType.GROUP]);
    }

    [Fact]
    public async Task PrincipalAccess_ReadBeforeAChange_SeesTheChange()
    {
        await ImportAsync(Held());
        await Store.GetPrincipalAccessAsync(Id(1), CancellationToken.None);
        await Store.GetAssignmentStatsAsync([Plain], CancellationToken.None);

        await ImportAsync(Held() with { Applications = [App(Plain) with { Name = "plain", Label = "Renamed" }], Users = [], Groups = [], Entitlements = [], Bundles = [], Grants = [] });
        await Store.PutGrantAsync(new Grant(Id(2), Plain, AssignmentType.INDIVIDUAL, Created, [], [], [], null, 0), CancellationToken.None);

        Assert.Equal("Renamed", (await Store.GetPrincipalAccessAsync(Id(1), CancellationToken.None))!.Apps[Plain].App.Label);
        Assert.Equal((2, 0), Counts(Assert.Single(await Store.GetAssignmentStatsAsync([Plain], CancellationToken.None))));
    }

    [Fact]
    public async Task PrincipalAccess_ValueRowMissing_ReadsThatAppWhole()
    {
        await ImportAsync(Held());
        var resources = await TableAsync("invresources");
        var valueRow = (await resources.QueryAllAsync("Kind eq 'val' and EntitlementId eq 'espent00000000000002'", CancellationToken.None)).Single(r => r.RowKey.EndsWith("entval00000000000003", StringComparison.Ordinal));
        await resources.DeleteEntityAsync(valueRow.PartitionKey, valueRow.RowKey);
        await host.Services.QuietAsync();
        using var calls = new StorageCalls(host.Services.GetRequiredService<IMeterFactory>());

        var snapshot = await SnapshotAsync(Other);

        Assert.Equal(2, calls.Of("table query"));
        Assert.Equal("espent00000000000002 | bndl0000000000000001 entval00000000000002", snapshot);
    }

    [Fact]
    public async Task PrincipalAccess_ValueMovedOrRemoved_FollowsTheStoredEntitlements()
    {
        await ImportAsync(Held());
        var moved = Held() with
        {
            Entitlements =
            [
                new Entitlement("espent00000000000001", AppId, "Role", null, [new EntitlementValue(ValueId, "Viewer", null)]),
                new Entitlement("espent00000000000002", Other, "Tier", null, [new EntitlementValue("entval00000000000003", "Gold", null)]),
                new Entitlement("espent00000000000003", Other, "Region", null, [new EntitlementValue("entval00000000000002", "EU", null)]),
            ],
        };
        await ImportAsync(moved);

        Assert.Equal("espent00000000000002 espent00000000000003 | bndl0000000000000001 entval00000000000002", await SnapshotAsync(Other));

        // the stored grant still names the value, now in no entitlement: its value row points at one that lost it
        await ImportAsync(new InventoryDocument([], [], [], [moved.Entitlements[2] with { Values = [] }], [], [], []));
        Assert.Equal("espent00000000000002 | bndl0000000000000001", await SnapshotAsync(Other));
    }

    [Fact]
    public async Task AssignmentCounts_ConcurrentGrantChanges_CountEveryOne()
    {
        await ImportAsync(Held());
        var added = Enumerable.Range(10, 40).Select(n => new Grant(Id(n), Plain, AssignmentType.ACCESS_REQUEST, Created, [], [], [], null, 0)).ToList();

        await Parallel.ForEachAsync(added, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (grant, ct) => await Store.PutGrantAsync(grant, ct));
        Assert.Equal((1, 40), Counts(Assert.Single(await Store.GetAssignmentStatsAsync([Plain], CancellationToken.None))));

        await Parallel.ForEachAsync(added.Take(25), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (grant, ct) => await Store.DeleteGrantAsync(grant.PrincipalId, Plain, ct));
        Assert.Equal((1, 15), Counts(Assert.Single(await Store.GetAssignmentStatsAsync([Plain], CancellationToken.None))));
    }

    [Fact]
    public async Task AssignmentCounts_RecountOvertakenByAnother_ReadsAgainAndKeepsTheNewerCount()
    {
        await ImportAsync(Held());
        var appGrants = await TableAsync("invappgrants");
        await appGrants.UpsertEntityAsync(new TableEntity(KeyBuckets.Of(Plain), $"{Plain}:{Id(10)}") { ["AssignmentType"] = "ACCESS_REQUEST" });
        var held = new HeldWrites(appGrants);

        // the first recount has read (1 individual, 1 request) and waits to write; another grant lands and is counted meanwhile
        var overtaken = new AssignmentCounts(held).RecountAsync([Plain], CancellationToken.None);
        await held.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Store.PutGrantAsync(new Grant(Id(11), Plain, AssignmentType.ACCESS_REQUEST, Created, [], [], [], null, 0), CancellationToken.None);
        held.Release.SetResult();
        await overtaken.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((1, 2), Counts(Assert.Single(await Store.GetAssignmentStatsAsync([Plain], CancellationToken.None))));
    }

    [Fact]
    public async Task AssignmentCounts_CountRowMissing_CountsTheGrantRows()
    {
        await ImportAsync(Held());
        var appGrants = await TableAsync("invappgrants");
        var countRow = (await appGrants.QueryAllAsync($"RowKey eq '{AppId}:'", CancellationToken.None)).Single();
        await appGrants.DeleteEntityAsync(countRow.PartitionKey, countRow.RowKey);

        var stats = Assert.Single(await Store.GetAssignmentStatsAsync([AppId], CancellationToken.None));

        Assert.Equal(2, stats.UsersByAssignmentType[AssignmentType.GROUP]);
        Assert.Equal(0, stats.UsersByAssignmentType[AssignmentType.ACCESS_REQUEST]);
    }

    public void Dispose() => host.Dispose();

    /// <summary>A table whose first transaction waits for <see cref="Release"/>; reads go straight through.</summary>
    private sealed class HeldWrites(TableClient inner) : TableClient
    {
        private int held;

        public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
            inner.QueryAsync<T>(filter, maxPerPage, select, cancellationToken);

        public override async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref held, 1) == 0)
            {
                Waiting.SetResult();
                await Release.Task.WaitAsync(cancellationToken);
            }

            return await inner.SubmitTransactionAsync(transactionActions, cancellationToken);
        }
    }

    /// <summary>What a review of user 1 shows for the app: the item's active entitlements and its sub-items' resources.</summary>
    private async Task<string> SnapshotAsync(string appId)
    {
        var (items, subItems) = AccessSnapshot.Build("rev", (await Store.GetPrincipalAccessAsync(Id(1), CancellationToken.None))!);
        var item = items.Single(i => i.AppId == appId);
        var subs = subItems.Where(s => s.AccessItemId == item.Id).Select(s => s.ResourceId).Order(StringComparer.Ordinal);
        return $"{string.Join(' ', item.ActiveEntitlements.Select(e => e.Id))} | {string.Join(' ', subs)}";
    }

    /// <summary>INDIVIDUAL and ACCESS_REQUEST holders.</summary>
    private static (int, int) Counts(AppAssignmentStats stats) =>
        (stats.UsersByAssignmentType[AssignmentType.INDIVIDUAL], stats.UsersByAssignmentType[AssignmentType.ACCESS_REQUEST]);

    /// <summary>
    /// User 1 holds three apps: the first with one of its two groups and its entitlement value; the second with one value
    /// of an entitlement and a bundle of another (both in one entitlement), beside a bundle not held; the third plain.
    /// User 2 holds the first app.
    /// </summary>
    private static InventoryDocument Held() => new(
        [User(1), User(2)],
        [App(), App(Other) with { Name = "other", Label = "Other" }, App(Plain) with { Name = "plain", Label = "Plain" }],
        [new AppGroup(GroupId, AppId, "Salesforce Users", null), new AppGroup("00ggrp00000000000002", AppId, "Salesforce Admins", null)],
        [
            new Entitlement("espent00000000000001", AppId, "Role", null, [new EntitlementValue(ValueId, "Viewer", null)]),
            new Entitlement("espent00000000000002", Other, "Tier", null, [new EntitlementValue("entval00000000000002", "Silver", null), new EntitlementValue("entval00000000000003", "Gold", null)]),
        ],
        [
            new EntitlementBundle("bndl0000000000000001", Other, "Gold bundle", null, ["entval00000000000003"]),
            new EntitlementBundle("bndl0000000000000002", Other, "Silver bundle", null, ["entval00000000000002"]),
        ],
        [
            Grant(1, AssignmentType.GROUP),
            Grant(2, AssignmentType.GROUP),
            new Grant(Id(1), Other, AssignmentType.INDIVIDUAL, Created, [], ["entval00000000000002"], ["bndl0000000000000001"], null, 0),
            new Grant(Id(1), Plain, AssignmentType.INDIVIDUAL, Created, [], [], [], null, 0),
        ],
        []);

    private async Task ImportAsync(InventoryDocument document) =>
        Assert.Equal(HttpStatusCode.OK, (await host.AsAdmin().PostAsync("/api/v1/inventory/import", Json(document))).StatusCode);

    private Task<TableClient> TableAsync(string name) =>
        host.Services.GetRequiredService<StorageResources>().TableAsync(name, CancellationToken.None);
}
