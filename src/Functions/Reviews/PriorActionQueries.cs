using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Ids;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.PriorActions;
using AccessReviewFunctions.Functions.Inventory;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>
/// The prior actions of an access item or sub-access item: every decision the decision log holds on the same
/// principal and resource (the app of an item; the group, entitlement value or bundle of a sub-item), across every
/// review, sorted and paged. The item must be in a review the caller sees (<see cref="ReviewScope"/>); any other id is
/// not found.
/// </summary>
internal sealed class PriorActionQueries(IReviewIndex index, IReviewStore store, IDecisionLog log, IUserDirectory inventory)
{
    public async Task<Page<PriorAction>> ListAsync(ReviewScope scope, string itemId, OrderBy orderBy, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (principalId, resourceId) = await AccessOfAsync(scope, itemId, cancellationToken)
            ?? throw DomainException.NotFound($"{itemId} (AccessReview)");
        var decisions = await log.ListAsync(principalId, resourceId, cancellationToken);
        var users = await inventory.UsersByIdAsync(decisions.Where(d => d.DecidedBy is not null).Select(d => d.DecidedBy!), cancellationToken);
        var actions = decisions.Select(d => PriorActionRules.From(d, id => users.TryGetValue(id, out var u) ? $"{u.FirstName} {u.LastName}" : null));
        var order = PriorActionRules.Order(orderBy);
        return Paging.TakePage(order.Sort(actions), page, order);
    }

    /// <summary>The principal and resource of the item or sub-item, when it is in a review the caller sees.</summary>
    private async Task<(string PrincipalId, string ResourceId)?> AccessOfAsync(ReviewScope scope, string itemId, CancellationToken cancellationToken)
    {
        var isItem = PrefixedIds.LooksValid(itemId, "aim");
        if (!isItem && !PrefixedIds.LooksValid(itemId, "sai")
            || await index.FindReviewOfItemAsync(itemId, cancellationToken) is not { } reviewId
            || await store.GetAsync(reviewId, cancellationToken) is not { } loaded
            || !scope.Sees(loaded.Review.State))
        {
            return null;
        }

        var accessItemId = isItem ? itemId : await store.FindAccessItemIdAsync(reviewId, itemId, cancellationToken);
        if (accessItemId is null)
        {
            return null;
        }

        var rows = await store.ReadItemAsync(reviewId, accessItemId, cancellationToken);
        var resourceId = isItem
            ? rows.Items.FirstOrDefault(i => i.Id == itemId)?.AppId
            : rows.SubItems.FirstOrDefault(s => s.Id == itemId)?.ResourceId;
        return resourceId is null ? null : (loaded.Review.State.PrincipalId, resourceId);
    }
}
