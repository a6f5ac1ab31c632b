using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Functions.Reviews.Storage;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>
/// Load, decide, commit, dispatch: the one way a stored review changes. Retries when another writer won the
/// ETag race; when the causing message was already processed, only finishes its dispatch.
/// </summary>
public sealed class ReviewUpdater(IReviewStore store, IOutboxDispatcher outbox, ILogger<ReviewUpdater> logger)
{
    private const int MaxAttempts = 20;

    /// <returns>The review after the step, or null when there is no such review.</returns>
    public Task<SecurityAccessReview?> UpdateAsync(
        string reviewId, Func<SecurityAccessReview, ReviewChange?> decide, string? causedBy, CancellationToken cancellationToken) =>
        UpdateAsync(reviewId, (review, _) => Task.FromResult(decide(review)), causedBy, cancellationToken);

    /// <summary>
    /// As above, for a step that reads more of the partition (item rows) after the header: it runs again on every
    /// retry, and the header's ETag in the commit guarantees nothing it read changed in between.
    /// </summary>
    public async Task<SecurityAccessReview?> UpdateAsync(
        string reviewId, Func<SecurityAccessReview, CancellationToken, Task<ReviewChange?>> decide, string? causedBy, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await store.GetAsync(reviewId, cancellationToken);
            if (loaded is null)
            {
                return null;
            }

            if (causedBy is not null && await store.WasProcessedAsync(reviewId, causedBy, cancellationToken))
            {
                await outbox.DispatchAsync(reviewId, cancellationToken);
                return loaded.Review;
            }

            var decided = await decide(loaded.Review, cancellationToken);
            if (decided is null)
            {
                return loaded.Review;
            }

            var change = ReviewSteps.FollowUp(loaded.Review, decided);
            try
            {
                await store.CommitAsync(
                    new ReviewCommit(loaded.Review.State, loaded.ETag, change.Events, change.Outbox, causedBy, change.Items, change.SubItems),
                    cancellationToken);
            }
            catch (ReviewConcurrencyException) when (attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
                continue;
            }
            catch (DuplicateMessageException)
            {
                await outbox.DispatchAsync(reviewId, cancellationToken);
                return (await store.GetAsync(reviewId, cancellationToken))?.Review;
            }

            if (change.Outbox.Count > 0)
            {
                await DispatchAsync(reviewId, rethrow: causedBy is not null, cancellationToken);
            }

            return loaded.Review;
        }
    }

    /// <summary>Stores a new review with its first messages, then sends them.</summary>
    public async Task CreateAsync(SecurityAccessReview review, ReviewEvent created, CancellationToken cancellationToken)
    {
        await store.CommitAsync(new ReviewCommit(review.State, null, [created], ReviewSteps.AfterCreate(review)), cancellationToken);
        await DispatchAsync(review.Id, rethrow: false, cancellationToken);
    }

    /// <summary>
    /// The state is stored, so a failed send loses nothing: a queue message that caused the change is retried
    /// (and finds itself processed, so only dispatches); a change made over HTTP is left to the sweeper.
    /// </summary>
    private async Task DispatchAsync(string reviewId, bool rethrow, CancellationToken cancellationToken)
    {
        try
        {
            await outbox.DispatchAsync(reviewId, cancellationToken);
        }
        catch (Exception e) when (!rethrow && e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Outbox of review {ReviewId} not dispatched yet; the sweeper will send it", reviewId);
        }
    }
}
