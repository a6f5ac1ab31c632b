using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Ids;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.PriorActions;
using AccessReviewFunctions.Domain.Reviews.Risk;
using AccessReviewFunctions.Functions.Inventory;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>
/// The prior actions of an access item or sub-access item: every decision already taken on the same principal and
/// resource (the app of an item; the group, entitlement value or bundle of a sub-item), across every review, sorted
/// and paged. Closed reviews' decisions come from the decision log; decisions already taken in reviews still open (or
/// closed but not yet logged) are read from those reviews' item rows, found through the principal's claims row. The item
/// must be in a review the caller sees (<see cref="ReviewScope"/>), located through the item index (one point read);
/// any other id is not found.
/// </summary>
internal sealed class PriorActionQueries(IReviewIndex index, IReviewStore store, IDecisionLog log, IPrincipalClaims claims, IUserDirectory inventory)
{
    public async Task<Page<PriorAction>> ListAsync(ReviewScope scope, string itemId, OrderBy orderBy, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var access = await AccessOfAsync(scope, itemId, cancellationToken) ?? throw DomainException.NotFound($"{itemId} (AccessReview)");
        var decisions = (await log.ListAsync(access.PrincipalId, access.ResourceId, cancellationToken)).ToList();
        var logged = decisions.Select(d => d.ReviewId).ToHashSet(StringComparer.Ordinal);
        foreach (var reviewId in (await claims.ReviewIdsAsync(access.PrincipalId, cancellationToken)).Where(id => !logged.Contains(id)))
        {
            if (await DecisionInAsync(reviewId, access, cancellationToken) is { } taken)
            {
                decisions.Add(taken);
            }
        }

        var users = await inventory.UsersByIdAsync(decisions.Where(d => d.DecidedBy is not null).Select(d => d.DecidedBy!), cancellationToken);
        var actions = decisions.Select(d => PriorActionRules.From(d, id => users.TryGetValue(id, out var u) ? $"{u.FirstName} {u.LastName}" : null));
        var order = PriorActionRules.Order(orderBy);
        return Paging.TakePage(order.Sort(actions), page, order);
    }

    /// <summary>The decision a review not yet in the decision log has taken on the access (through its pending decisions), if any.</summary>
    private async Task<PastDecision?> DecisionInAsync(string reviewId, Access access, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(reviewId, cancellationToken) is not { } loaded || loaded.Review.State.PrincipalId != access.PrincipalId)
        {
            return null;
        }

        var accessItemId = PrefixedIds.Derive("aim", reviewId, access.AppId);
        var rows = loaded.Review.View(await store.ReadItemAsync(reviewId, accessItemId, cancellationToken));
        var review = loaded.Review.State;
        if (access.IsItem)
        {
            return rows.Items.FirstOrDefault(i => i.AppId == access.ResourceId) is { Decision: { } decision } item ? PastDecisions.Of(review, item.AppId, decision, item.Risk) : null;
        }

        return rows.SubItems.FirstOrDefault(s => s.ResourceId == access.ResourceId) is { Decision: { } subDecision } sub ? PastDecisions.Of(review, sub.ResourceId, subDecision, sub.Risk) : null;
    }

    /// <summary>The principal, app and resource of the item or sub-item, when it is in a review the caller sees.</summary>
    private async Task<Access?> AccessOfAsync(ReviewScope scope, string itemId, CancellationToken cancellationToken)
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
        var appId = rows.Items.FirstOrDefault(i => i.Id == accessItemId)?.AppId;
        var resourceId = isItem ? appId : rows.SubItems.FirstOrDefault(s => s.Id == itemId)?.ResourceId;
        return appId is null || resourceId is null ? null : new Access(loaded.Review.State.PrincipalId, appId, resourceId, isItem);
    }

    private sealed record Access(string PrincipalId, string AppId, string ResourceId, bool IsItem);
}
