using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Risk;
using AccessReviewFunctions.Functions.Inventory;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>Forwards every call to the real store; a test double overrides only what it changes.</summary>
internal abstract class InventoryStoreDecorator(IInventoryStore inner) : IInventoryStore
{
    public virtual Task<PrincipalAccess?> GetPrincipalAccessAsync(string principalId, CancellationToken cancellationToken) =>
        inner.GetPrincipalAccessAsync(principalId, cancellationToken);

    public Task UpsertAsync(InventoryDocument document, CancellationToken cancellationToken) => inner.UpsertAsync(document, cancellationToken);

    public Task<InventoryUser?> GetUserAsync(string id, CancellationToken cancellationToken) => inner.GetUserAsync(id, cancellationToken);

    public Task<InventoryUser?> GetUserByLoginAsync(string login, CancellationToken cancellationToken) => inner.GetUserByLoginAsync(login, cancellationToken);

    public virtual Task<Page<InventoryUser>> ListUsersAsync(string? query, Func<InventoryUser, bool> keep, int limit, string? after, CancellationToken cancellationToken) =>
        inner.ListUsersAsync(query, keep, limit, after, cancellationToken);

    public Task<IReadOnlyList<InventoryUser>> FindUsersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        inner.FindUsersAsync(ids, cancellationToken);

    public Task<IReadOnlyList<AppAssignmentStats>> GetAssignmentStatsAsync(IReadOnlyCollection<string> appIds, CancellationToken cancellationToken) =>
        inner.GetAssignmentStatsAsync(appIds, cancellationToken);

    public Task<IReadOnlyList<SodRule>> GetSodRulesAsync(CancellationToken cancellationToken) => inner.GetSodRulesAsync(cancellationToken);

    public Task<StoredInventoryIds> ExistingIdsAsync(InventoryReferences references, CancellationToken cancellationToken) =>
        inner.ExistingIdsAsync(references, cancellationToken);

    public Task<Grant?> GetGrantAsync(string principalId, string appId, CancellationToken cancellationToken) => inner.GetGrantAsync(principalId, appId, cancellationToken);

    public Task PutGrantAsync(Grant grant, CancellationToken cancellationToken) => inner.PutGrantAsync(grant, cancellationToken);

    public Task DeleteGrantAsync(string principalId, string appId, CancellationToken cancellationToken) => inner.DeleteGrantAsync(principalId, appId, cancellationToken);
}
