using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Ids;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Functions.Common;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime.Durable;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>The review operations behind every API dialect: look up, check scope, apply the domain, store.</summary>
internal sealed class ReviewService(
    IReviewStore store,
    IReviewIndex index,
    ReviewUpdater updater,
    IUserDirectory inventory,
    IdGenerator ids,
    TimeProvider clock,
    ReviewSettingsSource settings,
    IPrincipalClaims claims,
    ReviewAccess access,
    EndTimerHorizon horizon)
{
    /// <param name="reviewId">The id to create it under (derived from what caused it, so a retry names the same review); a new one when null.</param>
    /// <param name="origin">The request of the person creating it, for the System Log; null when the system creates it.</param>
    public async Task<SecurityAccessReview> CreateAsync(NewReview request, string actorId, CancellationToken cancellationToken, string? reviewId = null, RequestOrigin? origin = null)
    {
        var existing = (await inventory.FindUsersAsync([.. request.NamedUserIds], cancellationToken)).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        reviewId ??= ids.New("sar");
        (SecurityAccessReview, ReviewEvent) Open(int openReviews) => SecurityAccessReview.Open(
            reviewId, request, new KnownUsers(existing, openReviews), actorId, clock.GetUtcNow(), settings.Current());
        var (review, created) = request.PrincipalId is not null && existing.Contains(request.PrincipalId)
            ? await claims.ClaimAsync(request.PrincipalId, reviewId, Open, cancellationToken)
            : Open(0);
        await index.AddReviewersAsync(review.Id, review.State.ReviewerIds, cancellationToken);
        await updater.CreateAsync(review, created, origin, cancellationToken);
        return review;
    }

    /// <summary>
    /// A create under an <c>Idempotency-Key</c>: the review's id is derived from the caller and the key, so a retry after
    /// an answer that never arrived (the create committed, then the request failed) names the same review and finds it
    /// instead of opening a second one.
    /// </summary>
    public async Task<SecurityAccessReview> CreateOnceAsync(NewReview request, string actorId, string idempotencyKey, RequestOrigin? origin, CancellationToken cancellationToken)
    {
        var reviewId = PrefixedIds.Derive("sar", actorId, idempotencyKey);
        if (await store.GetAsync(reviewId, cancellationToken) is { } stored)
        {
            return stored.Review;
        }

        try
        {
            return await CreateAsync(request, actorId, cancellationToken, reviewId, origin);
        }
        catch (ConcurrencyException)
        {
            // The same create running at once under the same key stored it first.
            if (await store.GetAsync(reviewId, cancellationToken) is { } first)
            {
                return first.Review;
            }

            throw;
        }
    }

    public async Task<SecurityAccessReview> GetAsync(ReviewScope scope, string reviewId, CancellationToken cancellationToken) =>
        scope.Require((await store.GetAsync(reviewId, cancellationToken))?.Review, reviewId);

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(ReviewScope scope, string reviewId, CancellationToken cancellationToken)
    {
        await GetAsync(scope, reviewId, cancellationToken);
        return await store.ListHistoryAsync(reviewId, cancellationToken);
    }

    public Task<SecurityAccessReview> ActAsync(ReviewScope scope, string reviewId, string? actionType, CancellationToken cancellationToken) =>
        ChangeAsync(scope, reviewId, async (loaded, ct) =>
        {
            var review = loaded.Review;
            var now = clock.GetUtcNow();
            switch (review.RequireAvailable(actionType))
            {
                case ReviewAction.CLOSE_REVIEW:
                    return ReviewChange.Of(review.Close(now, scope.CallerId, CloseReason.Manual));
                case ReviewAction.UNIVERSAL_LOGOUT:
                    return ReviewChange.Of(review.RequestUniversalLogout(now, scope.CallerId));
                default:
                    var (restored, summary) = review.RestoreAll(now, scope.CallerId, await access.AllAsync(loaded, ct));
                    return ReviewSteps.OnRestoredAll(restored, summary);
            }
        }, cancellationToken);

    /// <summary>A comment only adds to the history, so it is appended without racing other writers for the header.</summary>
    public async Task<SecurityAccessReview> CommentAsync(ReviewScope scope, string reviewId, string? comment, CancellationToken cancellationToken) =>
        scope.Require(
            await updater.AppendAsync(reviewId, review => scope.Require(review, reviewId).Comment(clock.GetUtcNow(), scope.CallerId, comment), scope.Origin, cancellationToken),
            reviewId);

    /// <summary>
    /// A reviewer's decision on an access item (aim…) or a sub-access item (sai…): the header, then the target's
    /// access item with its sub-items in one range read (or this instance's cached rows), then the commit.
    /// </summary>
    public Task<SecurityAccessReview> DecideAsync(ReviewScope scope, string reviewId, string targetId, string? type, CancellationToken cancellationToken)
    {
        var action = EnumText.Parse<AccessAction>(type, Fields.Decision);
        var accessItemId = access.LocateAsync(reviewId, targetId, cancellationToken);
        return ChangeAsync(scope, reviewId, async (loaded, ct) =>
        {
            loaded.Review.EnsureActive();
            var target = await access.TargetAsync(loaded, targetId, accessItemId, ct);
            return ReviewSteps.OnDecided(loaded.Review.Decide(clock.GetUtcNow(), scope.CallerId, target, action));
        }, cancellationToken);
    }

    /// <summary>An admin's change of name, end time, reviewers or expiry settings.</summary>
    public async Task<SecurityAccessReview> UpdateAsync(string reviewId, ReviewPatch patch, string actorId, RequestOrigin? origin, CancellationToken cancellationToken)
    {
        var known = patch.NamedReviewerIds is not { } named
            ? new KnownUsers(new HashSet<string>())
            : new KnownUsers((await inventory.FindUsersAsync([.. named], cancellationToken)).Select(u => u.Id).ToHashSet(StringComparer.Ordinal));
        if (patch.ReviewerIds is not null)
        {
            await index.AddReviewersAsync(reviewId, known.ExistingIds, cancellationToken);
        }

        return await ChangeAsync(ReviewScope.Admin(actorId) with { Origin = origin }, reviewId, (loaded, _) =>
        {
            var review = loaded.Review;
            var endTime = review.State.EndTime;
            var now = clock.GetUtcNow();
            return Task.FromResult(ReviewSteps.OnUpdated(review, endTime, review.Update(now, actorId, patch, known, settings.Current()), now, horizon));
        }, cancellationToken);
    }

    private async Task<SecurityAccessReview> ChangeAsync(
        ReviewScope scope, string reviewId, Func<LoadedReview, CancellationToken, Task<ReviewChange?>> change, CancellationToken cancellationToken)
    {
        var review = await updater.UpdateAsync(
            reviewId,
            async (loaded, ct) =>
            {
                scope.Require(loaded.Review, reviewId);
                return await change(loaded, ct) is { } decided ? decided with { Origin = scope.Origin } : null;
            },
            null,
            cancellationToken);
        return scope.Require(review, reviewId);
    }
}
