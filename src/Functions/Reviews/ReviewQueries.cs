using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Queries;
using AccessReviewFunctions.Domain.Reviews.Risk;
using AccessReviewFunctions.Functions.Inventory;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>
/// The read side of reviews behind every dialect: lists with filter, sort and keyset paging, stats, the principal,
/// access and sub-access items, anomalies and summaries. A review outside the caller's scope is not found; the
/// items of a PENDING review are not gathered yet and read as empty.
/// </summary>
internal sealed class ReviewQueries(IReviewStore store, IReviewIndex index, IUserDirectory inventory, ReviewAccess access)
{
    public async Task<ReviewListResult> ListAsync(ReviewScope scope, ListRequest request, CancellationToken cancellationToken)
    {
        var all = await VisibleAsync(scope, cancellationToken);
        var users = await inventory.UsersByIdAsync(all.SelectMany(r => r.ReviewerIds), cancellationToken);
        IEnumerable<string> Names(ReviewSnapshot review) =>
            review.ReviewerIds.Where(users.ContainsKey).Select(id => $"{users[id].FirstName} {users[id].LastName}");
        var order = ReviewListQuery.Order(request.OrderBy);
        var rows = order.Sort(all.Where(r => request.Filter.Matches(field => ReviewListQuery.Resolve(r, field, Names))));
        return new(Paging.TakePage(rows, request.Page, order), users);
    }

    public async Task<IReadOnlyDictionary<ReviewStatus, int>> StatsAsync(ReviewScope scope, CancellationToken cancellationToken)
    {
        var all = await VisibleAsync(scope, cancellationToken);
        return Enum.GetValues<ReviewStatus>().ToDictionary(s => s, s => all.Count(r => r.Status == s));
    }

    public async Task<PrincipalDetails> PrincipalAsync(ReviewScope scope, string reviewId, CancellationToken cancellationToken)
    {
        var review = (await GetAsync(scope, reviewId, cancellationToken)).Review.State;
        var principal = await inventory.GetUserAsync(review.PrincipalId, cancellationToken)
            ?? throw DomainException.NotFound($"{review.PrincipalId} (User)");
        var manager = principal.ManagerId is null ? null : await inventory.GetUserAsync(principal.ManagerId, cancellationToken);
        return new(review, principal, manager);
    }

    public async Task<Page<AccessItem>> AccessItemsAsync(ReviewScope scope, string reviewId, ListRequest request, CancellationToken cancellationToken)
    {
        var items = await ItemsAsync(await GetAsync(scope, reviewId, cancellationToken), cancellationToken);
        var order = AccessItemListQuery.Order(request.OrderBy);
        var rows = order.Sort(items.Where(i => request.Filter.Matches(field => AccessItemListQuery.Resolve(i, field))));
        return Paging.TakePage(rows, request.Page, order);
    }

    public async Task<(Page<SubAccessItem> Page, AccessItem? Parent)> SubAccessItemsAsync(
        ReviewScope scope, string reviewId, string accessItemId, ListRequest request, CancellationToken cancellationToken)
    {
        var loaded = await GetAsync(scope, reviewId, cancellationToken);
        if (!loaded.Review.HasAccess)
        {
            return (new Page<SubAccessItem>([], null), null);
        }

        var rows = await RowsAsync(loaded, cancellationToken);
        var parent = rows.Items.FirstOrDefault(i => i.Id == accessItemId)
            ?? throw DomainException.NotFound($"{accessItemId} (AccessItem)");
        var subs = rows.SubItems.Where(s => s.AccessItemId == accessItemId);
        var order = SubAccessItemListQuery.Order(request.OrderBy);
        var matching = order.Sort(subs.Where(s => request.Filter.Matches(field => SubAccessItemListQuery.Resolve(s, parent, field))));
        return (Paging.TakePage(matching, request.Page, order), parent);
    }

    /// <summary>The anomalies of an access item or a sub-access item of the review; empty while the review is PENDING.</summary>
    public async Task<IReadOnlyList<Anomaly>> AnomaliesAsync(ReviewScope scope, string reviewId, string targetId, CancellationToken cancellationToken)
    {
        var loaded = await GetAsync(scope, reviewId, cancellationToken);
        if (!loaded.Review.HasAccess)
        {
            return [];
        }

        var (risk, _) = await TargetRiskAsync(loaded, targetId, cancellationToken);
        return risk?.Anomalies ?? [];
    }

    public async Task<string> ReviewSummaryAsync(ReviewScope scope, string reviewId, CancellationToken cancellationToken)
    {
        var items = await ItemsAsync(await GetAsync(scope, reviewId, cancellationToken), cancellationToken);
        return RiskSummary.ForReview(items.Where(i => i.Risk is not null).Select(i => (i, i.Risk!)));
    }

    public async Task<string> ItemSummaryAsync(ReviewScope scope, string reviewId, string targetId, CancellationToken cancellationToken)
    {
        var loaded = await GetAsync(scope, reviewId, cancellationToken);
        if (!loaded.Review.HasAccess)
        {
            throw DomainException.NotFound($"{targetId} (AccessItem)");
        }

        var (risk, kind) = await TargetRiskAsync(loaded, targetId, cancellationToken);
        return RiskSummary.For(risk ?? new RiskAssessment(Severity.LOW, Severity.LOW, Severity.LOW, Severity.NONE, []), kind);
    }

    private async Task<(RiskAssessment? Risk, string Kind)> TargetRiskAsync(LoadedReview loaded, string targetId, CancellationToken cancellationToken)
    {
        if ((await ItemsAsync(loaded, cancellationToken)).FirstOrDefault(i => i.Id == targetId) is { } item)
        {
            return (item.Risk, "app");
        }

        if ((await SubItemsAsync(loaded, cancellationToken)).FirstOrDefault(s => s.Id == targetId) is { } sub)
        {
            return (sub.Risk, "access");
        }

        throw DomainException.NotFound($"{targetId} (AccessItem)");
    }

    private async Task<LoadedReview> GetAsync(ReviewScope scope, string reviewId, CancellationToken cancellationToken)
    {
        var loaded = await store.GetAsync(reviewId, cancellationToken);
        scope.Require(loaded?.Review, reviewId);
        return loaded!;
    }

    /// <summary>The review's rows as they read: stored rows with its pending decisions applied.</summary>
    private async Task<AccessRows> RowsAsync(LoadedReview loaded, CancellationToken cancellationToken) =>
        loaded.Review.View(await access.AllAsync(loaded, cancellationToken));

    private async Task<IReadOnlyList<AccessItem>> ItemsAsync(LoadedReview loaded, CancellationToken cancellationToken) =>
        (await RowsAsync(loaded, cancellationToken)).Items;

    private async Task<IReadOnlyList<SubAccessItem>> SubItemsAsync(LoadedReview loaded, CancellationToken cancellationToken) =>
        (await RowsAsync(loaded, cancellationToken)).SubItems;

    private Task<IReadOnlyList<ReviewSnapshot>> VisibleAsync(ReviewScope scope, CancellationToken cancellationToken) =>
        scope.AllReviews ? index.ListAllAsync(cancellationToken) : index.ListForReviewerAsync(scope.CallerId, cancellationToken);
}

internal sealed record ReviewListResult(Page<ReviewSnapshot> Page, IReadOnlyDictionary<string, InventoryUser> Users);

internal sealed record PrincipalDetails(ReviewSnapshot Review, InventoryUser Principal, InventoryUser? Manager);
