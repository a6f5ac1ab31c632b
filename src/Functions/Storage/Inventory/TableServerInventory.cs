using System.Collections.Concurrent;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Storage.Tables;
using Azure.Data.Tables;

namespace AccessReviewFunctions.Functions.Storage.Inventory;

/// <summary>
/// Servers (invservers: PK "server", RK id) and access methods, kept twice so that both reports read one partition in
/// key order: by user (invuseraccess: PK userId, RK "serverId:account:privileges") and by server (invserveraccess: PK
/// serverId, RK "userId:account:privileges"). The user's own account is stored as "~", which sorts after every account.
/// </summary>
internal sealed class TableServerInventory(StorageResources storage) : IServerInventory
{
    private const string Servers = "invservers";
    private const string ByUser = "invuseraccess";
    private const string ByServer = "invserveraccess";
    private const string ServerPartition = "server";
    private const string OwnAccount = "~";

    public async Task UpsertAsync(InventoryDocument document, CancellationToken cancellationToken)
    {
        var (servers, byUser, byServer) = (
            await storage.TableAsync(Servers, cancellationToken), await storage.TableAsync(ByUser, cancellationToken), await storage.TableAsync(ByServer, cancellationToken));
        await TableBatchWriter.UpsertAsync(servers, (document.Servers ?? []).Select(From), cancellationToken);
        var accesses = document.ServerAccesses ?? [];
        await Task.WhenAll(
            TableBatchWriter.UpsertAsync(byUser, accesses.Select(a => From(a, a.UserId, a.ServerId)), cancellationToken),
            TableBatchWriter.UpsertAsync(byServer, accesses.Select(a => From(a, a.ServerId, a.UserId)), cancellationToken));
    }

    /// <summary>Which of the ids are stored servers, for the import's validation.</summary>
    public async Task<IReadOnlySet<string>> ExistingAsync(IEnumerable<string> ids, CancellationToken cancellationToken) =>
        (await FindServersAsync([.. ids], cancellationToken)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlyList<ServerResource>> FindServersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(Servers, cancellationToken);
        var found = new ConcurrentDictionary<string, ServerResource>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            ids.Distinct().Where(InventoryValidator.IsValidId), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
            {
                if (await table.FindAsync(ServerPartition, id, ct) is { } entity)
                {
                    found[id] = ToServer(entity);
                }
            });
        return ids.Distinct().Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    public async Task<IReadOnlyList<ServerResource>> ServersBetweenAsync(string first, string last, CancellationToken cancellationToken) =>
        (await BetweenAsync(Servers, ServerPartition, first, last, cancellationToken)).Select(ToServer).ToList();

    public async Task<IReadOnlyList<InventoryUser>> UsersBetweenAsync(string first, string last, CancellationToken cancellationToken) =>
        (await BetweenAsync("invusers", InventoryEntities.UserPartition, first, last, cancellationToken)).Select(InventoryEntities.ToUser).ToList();

    public Task<Page<ServerAccess>> UserAccessAsync(string userId, string? after, int limit, CancellationToken cancellationToken) =>
        PageAsync(ByUser, userId, after, limit, cancellationToken);

    public Task<Page<ServerAccess>> ServerAccessAsync(string serverId, string? after, int limit, CancellationToken cancellationToken) =>
        PageAsync(ByServer, serverId, after, limit, cancellationToken);

    public async Task<bool> GroupExistsAsync(string groupId, CancellationToken cancellationToken)
    {
        var resources = await storage.TableAsync("invresources", cancellationToken);
        var filter = TableRows.And(
            TableRows.Compare(InventoryEntities.KindColumn, "eq", InventoryEntities.GroupPrefix.TrimEnd(':')), TableRows.Compare(InventoryEntities.ResourceIdColumn, "eq", groupId));
        await foreach (var _ in resources.QueryAsync<TableEntity>(filter, 1, ["RowKey"], cancellationToken))
        {
            return true;
        }

        return false;
    }

    /// <summary>One scan of the grants' group lists: membership is not indexed, and a group report is rare.</summary>
    public async Task<IReadOnlyList<string>> GroupMembersAsync(string groupId, CancellationToken cancellationToken)
    {
        var grants = await storage.TableAsync("invgrants", cancellationToken);
        var members = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var grant in grants.QueryAsync<TableEntity>(select: ["RowKey", "GroupIds"], cancellationToken: cancellationToken))
        {
            if (JsonColumns.Read<IReadOnlyList<string>>(grant, "GroupIds", []).Contains(groupId, StringComparer.Ordinal))
            {
                members.Add(InventoryKeys.Owner(grant.RowKey));
            }
        }

        return [.. members];
    }

    private async Task<Page<ServerAccess>> PageAsync(string tableName, string partition, string? after, int limit, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(tableName, cancellationToken);
        var filter = after is null ? TableRows.Partition(partition) : TableRows.And(TableRows.Partition(partition), TableRows.Compare("RowKey", "gt", after));
        var rows = new List<TableEntity>(limit);
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, Math.Min(1000, limit), cancellationToken: cancellationToken))
        {
            rows.Add(entity);
            if (rows.Count == limit)
            {
                break;
            }
        }

        return new Page<ServerAccess>(rows.Select(ToAccess).ToList(), rows.Count == limit ? rows[^1].RowKey : null);
    }

    private async Task<List<TableEntity>> BetweenAsync(string tableName, string partition, string first, string last, CancellationToken cancellationToken) =>
        await (await storage.TableAsync(tableName, cancellationToken)).QueryAllAsync(
            TableRows.And(TableRows.Partition(partition), TableRows.Compare("RowKey", "ge", first), TableRows.Compare("RowKey", "le", last)), cancellationToken);

    private static ServerResource ToServer(TableEntity e) => new(e.RowKey, e.GetString("Hostname")!, e.GetString("OsType"));

    private static TableEntity From(ServerResource server)
    {
        var entity = new TableEntity(ServerPartition, server.Id) { ["Hostname"] = server.Hostname };
        if (server.OsType is not null)
        {
            entity["OsType"] = server.OsType;
        }

        return entity;
    }

    private static TableEntity From(ServerAccess access, string partition, string other) =>
        new(partition, $"{other}:{access.Account ?? OwnAccount}:{access.Privileges}")
        {
            ["UserId"] = access.UserId,
            ["ServerId"] = access.ServerId,
            ["Account"] = access.Account ?? OwnAccount,
            ["Privileges"] = access.Privileges.ToString(),
            ["Conditions"] = string.Join(',', access.Conditions),
        };

    private static ServerAccess ToAccess(TableEntity e)
    {
        var account = e.GetString("Account");
        var conditions = e.GetString("Conditions") is { Length: > 0 } text ? text.Split(',').Select(Enum.Parse<AccessCondition>).ToList() : [];
        return new ServerAccess(
            e.GetString("UserId")!, e.GetString("ServerId")!, account == OwnAccount ? null : account, Enum.Parse<ServerPrivilege>(e.GetString("Privileges")!), conditions);
    }
}
