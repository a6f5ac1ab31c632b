using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Functions.Inventory;

/// <summary>The people in the inventory: the profiles behind the Users API, reviewers, actors and principals.</summary>
internal interface IUserDirectory
{
    Task<InventoryUser?> GetUserAsync(string id, CancellationToken cancellationToken);

    /// <summary>The user whose login is <paramref name="login"/> (exact), or null.</summary>
    Task<InventoryUser?> GetUserByLoginAsync(string login, CancellationToken cancellationToken);

    /// <summary>
    /// Users ordered by id after the one with id <paramref name="after"/>, those <paramref name="keep"/> accepts; query
    /// is a case-insensitive prefix of login, email, first or last name. The next cursor is the last user's id, which
    /// is how a list by id pages.
    /// </summary>
    Task<Page<InventoryUser>> ListUsersAsync(string? query, Func<InventoryUser, bool> keep, int limit, string? after, CancellationToken cancellationToken);

    /// <summary>The users with these ids that exist, in the order asked.</summary>
    Task<IReadOnlyList<InventoryUser>> FindUsersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}

/// <summary>Who has access to what: what gathering snapshots into a review, with what its risk rules weigh.</summary>
internal interface IAccessInventory
{
    /// <summary>
    /// The principal, their grants and the granted applications with at least the resources the grants reference
    /// (groups, bundles, the entitlements holding their values; an application may come with all of its resources);
    /// null for an unknown principal.
    /// </summary>
    Task<PrincipalAccess?> GetPrincipalAccessAsync(string principalId, CancellationToken cancellationToken);

    /// <summary>Per application, how many principals hold a grant of each assignment type (every type present, zero included).</summary>
    Task<IReadOnlyList<AppAssignmentStats>> GetAssignmentStatsAsync(IReadOnlyCollection<string> appIds, CancellationToken cancellationToken);

    /// <summary>Every stored separation-of-duties rule, ordered by id.</summary>
    Task<IReadOnlyList<SodRule>> GetSodRulesAsync(CancellationToken cancellationToken);
}

/// <summary>Filling the inventory: an import checks references against what is stored, then upserts.</summary>
internal interface IInventoryWriter
{
    /// <summary>Inserts or replaces every entity of the document; a validated document is assumed.</summary>
    Task UpsertAsync(InventoryDocument document, CancellationToken cancellationToken);

    /// <summary>Which of the referenced ids are already stored, for <see cref="InventoryValidator"/>.</summary>
    Task<StoredInventoryIds> ExistingIdsAsync(InventoryReferences references, CancellationToken cancellationToken);
}

/// <summary>One principal's grant of one app, read and changed by remediation (the inventory connector).</summary>
internal interface IGrantStore
{
    Task<Grant?> GetGrantAsync(string principalId, string appId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the grant (and its per-app count row).</summary>
    Task PutGrantAsync(Grant grant, CancellationToken cancellationToken);

    /// <summary>Deletes the grant; one already gone is fine.</summary>
    Task DeleteGrantAsync(string principalId, string appId, CancellationToken cancellationToken);
}

/// <summary>The stored access inventory, all four sides; registered once, and each side resolves to it.</summary>
internal interface IInventoryStore : IUserDirectory, IAccessInventory, IInventoryWriter, IGrantStore
{
}
