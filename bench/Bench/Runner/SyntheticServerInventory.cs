using System.Globalization;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Functions.Inventory;

namespace AccessReviewFunctions.Bench;

/// <summary>
/// One server with <paramref name="rows"/> users' access methods on it, made up as they are read: the report engine's
/// cost (CSV, blob upload, checkpoints) without the cost of reading a million rows out of Azurite's tables.
/// </summary>
internal sealed class SyntheticServerInventory(int rows) : IServerInventory
{
    public const string ServerId = "srvbench000000000001";
    private static readonly ServerResource Server = new(ServerId, "bench-01.example.com", "linux");
    private static readonly DateTimeOffset Created = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly IReadOnlyList<AccessCondition> Conditions = [AccessCondition.GATEWAY_SESSION_RECORDING, AccessCondition.MFA];

    public static string UserId(int n) => $"00ubench{n:D12}";

    /// <summary>The same users, server and access methods as an inventory document, to seed the tables with.</summary>
    public InventoryDocument Document()
    {
        var accesses = Enumerable.Range(0, rows).Select(Access).ToList();
        return new InventoryDocument([.. Enumerable.Range(0, rows).Select(User)], [], [], [], [], [], [], [Server], accesses);
    }

    public Task<IReadOnlyList<ServerResource>> FindServersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ServerResource>>(ids.Contains(ServerId) ? [Server] : []);

    public Task<IReadOnlyList<ServerResource>> ServersBetweenAsync(string first, string last, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ServerResource>>([Server]);

    public Task<IReadOnlyList<InventoryUser>> UsersBetweenAsync(string first, string last, CancellationToken cancellationToken)
    {
        var (from, to) = (Index(first), Index(last));
        return Task.FromResult<IReadOnlyList<InventoryUser>>([.. Enumerable.Range(from, to - from + 1).Select(User)]);
    }

    public Task<Page<ServerAccess>> ServerAccessAsync(string serverId, string? after, int limit, CancellationToken cancellationToken)
    {
        var start = after is null ? 0 : int.Parse(after, CultureInfo.InvariantCulture) + 1;
        var count = Math.Max(0, Math.Min(limit, rows - start));
        var items = Enumerable.Range(start, count).Select(Access).ToList();
        var next = count == limit && start + count < rows ? (start + count - 1).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new Page<ServerAccess>(items, next));
    }

    public Task<Page<ServerAccess>> UserAccessAsync(string userId, string? after, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<ServerAccess>([], null));

    public Task<bool> GroupExistsAsync(string groupId, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<IReadOnlyList<string>> GroupMembersAsync(string groupId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

    private static ServerAccess Access(int n) => new(UserId(n), ServerId, n % 10 == 0 ? "root" : null, ServerPrivilege.user, Conditions);

    private static int Index(string userId) => int.Parse(userId.AsSpan(8), CultureInfo.InvariantCulture);

    private static InventoryUser User(int n) =>
        new(UserId(n), $"user{n}@bench.example", $"user{n}@bench.example", "User", $"{n}", UserStatus.ACTIVE, null, null, null, null, null, null, Created, null, []);
}
