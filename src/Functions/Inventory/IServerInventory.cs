using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Querying;

namespace AccessReviewFunctions.Functions.Inventory;

/// <summary>
/// The Okta Privileged Access part of the inventory: servers and the access methods on them, read in key order a page
/// at a time (the next cursor is the last row's key), and the members of a group.
/// </summary>
internal interface IServerInventory
{
    Task<IReadOnlyList<ServerResource>> FindServersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>The servers with ids from <paramref name="first"/> to <paramref name="last"/>, in one range read.</summary>
    Task<IReadOnlyList<ServerResource>> ServersBetweenAsync(string first, string last, CancellationToken cancellationToken);

    /// <summary>The users with ids from <paramref name="first"/> to <paramref name="last"/>, in one range read.</summary>
    Task<IReadOnlyList<InventoryUser>> UsersBetweenAsync(string first, string last, CancellationToken cancellationToken);

    /// <summary>The access methods of one user, after the cursor; at most <paramref name="limit"/>.</summary>
    Task<Page<ServerAccess>> UserAccessAsync(string userId, string? after, int limit, CancellationToken cancellationToken);

    /// <summary>The access methods on one server, after the cursor; at most <paramref name="limit"/>.</summary>
    Task<Page<ServerAccess>> ServerAccessAsync(string serverId, string? after, int limit, CancellationToken cancellationToken);

    /// <summary>Whether the group exists in the inventory.</summary>
    Task<bool> GroupExistsAsync(string groupId, CancellationToken cancellationToken);

    /// <summary>The ids of the users holding the group through a grant, ordered by id.</summary>
    Task<IReadOnlyList<string>> GroupMembersAsync(string groupId, CancellationToken cancellationToken);
}
