using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Functions.Common;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Reviews.Storage;
using AccessReviewFunctions.Functions.Reviews.Workflow;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>The review operations behind every API dialect: look up, check scope, apply the domain, store.</summary>
public sealed class ReviewService(
    IReviewStore store,
    IReviewIndex index,
    ReviewUpdater updater,
    IInventoryStore inventory,
    IdGenerator ids,
    TimeProvider clock,
    ReviewSettingsSource settings)
{
    public async Task<SecurityAccessReview> CreateAsync(NewReview request, string actorId, CancellationToken cancellationToken)
    {
        var named = new[] { request.PrincipalId }.Concat(request.ReviewerIds ?? []).OfType<string>().Distinct().ToList();
        var existing = (await inventory.FindUsersAsync(named, cancellationToken)).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var open = request.PrincipalId is null ? 0 : await index.CountOpenForPrincipalAsync(request.PrincipalId, cancellationToken);
        var (review, created) = SecurityAccessReview.Open(
            ids.New("sar"), request, new KnownUsers(existing, open), actorId, clock.GetUtcNow(), settings.Current());
        await index.AddReviewersAsync(review.Id, review.State.ReviewerIds, cancellationToken);
        await updater.CreateAsync(review, created, cancellationToken);
        return review;
    }

    public async Task<SecurityAccessReview> GetAsync(ReviewScope scope, string reviewId, CancellationToken cancellationToken) =>
        scope.Require((await store.GetAsync(reviewId, cancellationToken))?.Review, reviewId);

    public Task<IReadOnlyList<ReviewSnapshot>> ListAsync(ReviewScope scope, CancellationToken cancellationToken) =>
        scope.AllReviews ? index.ListAllAsync(cancellationToken) : index.ListForReviewerAsync(scope.CallerId, cancellationToken);

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(ReviewScope scope, string reviewId, CancellationToken cancellationToken)
    {
        await GetAsync(scope, reviewId, cancellationToken);
        return await store.ListHistoryAsync(reviewId, cancellationToken);
    }

    public Task<SecurityAccessReview> ActAsync(ReviewScope scope, string reviewId, string? actionType, CancellationToken cancellationToken) =>
        ChangeAsync(scope, reviewId, review => actionType switch
        {
            ReviewActions.CloseReview => ReviewChange.Of(review.Close(clock.GetUtcNow(), scope.CallerId, CloseReason.Manual)),
            _ => throw UnavailableAction(review, actionType),
        }, cancellationToken);

    public Task<SecurityAccessReview> CommentAsync(ReviewScope scope, string reviewId, string? comment, CancellationToken cancellationToken) =>
        ChangeAsync(scope, reviewId, review => ReviewChange.Of(review.Comment(clock.GetUtcNow(), scope.CallerId, comment)), cancellationToken);

    private async Task<SecurityAccessReview> ChangeAsync(
        ReviewScope scope, string reviewId, Func<SecurityAccessReview, ReviewChange> change, CancellationToken cancellationToken)
    {
        var review = await updater.UpdateAsync(reviewId, review => change(scope.Require(review, reviewId)), null, cancellationToken);
        return scope.Require(review, reviewId);
    }

    private static DomainException UnavailableAction(SecurityAccessReview review, string? actionType)
    {
        review.EnsureWritable();
        var available = ReviewActions.Available(review);
        return DomainException.Validation([
            $"actionType: '{actionType}' is not available for a {review.Status} review; available: {(available.Count == 0 ? "none" : string.Join(", ", available))}",
        ]);
    }
}
