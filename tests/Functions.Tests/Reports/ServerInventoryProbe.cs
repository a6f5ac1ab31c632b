using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Functions.Inventory;

namespace AccessReviewFunctions.Functions.Tests.Reports;

/// <summary>
/// Forwards to the real server inventory and records where each page of a user's access was read from; can hang on
/// a given read until the host stops (a crash in the middle of a generation) or fail every read.
/// </summary>
internal sealed class ServerInventoryProbe(IServerInventory inner, int hangOnRead = 0, string? failWith = null) : IServerInventory
{
    private readonly List<string?> reads = [];
    private readonly TaskCompletionSource hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The cursor of every page read of a user's access, in order (null: from the start).</summary>
    public IReadOnlyList<string?> Reads
    {
        get
        {
            lock (reads)
            {
                return [.. reads];
            }
        }
    }

    public Task Hanging => hanging.Task;

    public async Task<Page<ServerAccess>> UserAccessAsync(string userId, string? after, int limit, CancellationToken cancellationToken)
    {
        int count;
        lock (reads)
        {
            reads.Add(after);
            count = reads.Count;
        }

        if (failWith is not null)
        {
            throw new InvalidOperationException(failWith);
        }

        if (count == hangOnRead)
        {
            hanging.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return await inner.UserAccessAsync(userId, after, limit, cancellationToken);
    }

    public Task<IReadOnlyList<ServerResource>> FindServersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        inner.FindServersAsync(ids, cancellationToken);

    public Task<IReadOnlyList<ServerResource>> ServersBetweenAsync(string first, string last, CancellationToken cancellationToken) =>
        inner.ServersBetweenAsync(first, last, cancellationToken);

    public Task<IReadOnlyList<InventoryUser>> UsersBetweenAsync(string first, string last, CancellationToken cancellationToken) =>
        inner.UsersBetweenAsync(first, last, cancellationToken);

    public Task<Page<ServerAccess>> ServerAccessAsync(string serverId, string? after, int limit, CancellationToken cancellationToken) =>
        inner.ServerAccessAsync(serverId, after, limit, cancellationToken);

    public Task<bool> GroupExistsAsync(string groupId, CancellationToken cancellationToken) => inner.GroupExistsAsync(groupId, cancellationToken);

    public Task<IReadOnlyList<string>> GroupMembersAsync(string groupId, CancellationToken cancellationToken) => inner.GroupMembersAsync(groupId, cancellationToken);
}
