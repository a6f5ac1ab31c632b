using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Storage.Reviews;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>
/// The one way a stored review changes: a step of <see cref="ReviewSteps"/> decides, the runtime's
/// <see cref="DurableUpdater{TState}"/> commits it (header under its ETag, history, audit, item rows, outbox and the
/// causing message's id in one transaction) and dispatches the messages.
/// </summary>
internal sealed class ReviewUpdater(DurableUpdater<SecurityAccessReview> durable, ReviewChangeRows rows, IReviewStore store)
{
    /// <returns>The review after the step, or null when there is no such review.</returns>
    public Task<SecurityAccessReview?> UpdateAsync(
        string reviewId, Func<SecurityAccessReview, ReviewChange?> decide, string? causedBy, CancellationToken cancellationToken) =>
        UpdateAsync(reviewId, (loaded, _) => Task.FromResult(decide(loaded.Review)), causedBy, cancellationToken);

    /// <summary>As above, for a step that reads more of the partition (item rows) after the header.</summary>
    public Task<SecurityAccessReview?> UpdateAsync(
        string reviewId, Func<LoadedReview, CancellationToken, Task<ReviewChange?>> decide, string? causedBy, CancellationToken cancellationToken) =>
        durable.UpdateAsync(
            reviewId,
            async (loaded, token) => await decide(new LoadedReview(loaded.State, loaded.ETag), token) is { } change
                ? await ToDurableAsync(loaded.State, ReviewSteps.FollowUp(loaded.State, change), causedBy, token)
                : null,
            causedBy,
            cancellationToken);

    /// <summary>Stores a new review with its first messages, then sends them.</summary>
    public Task CreateAsync(SecurityAccessReview review, ReviewEvent created, CancellationToken cancellationToken) =>
        durable.CreateAsync(
            new DurableChange<SecurityAccessReview>(review, rows.For(review.State, [created], [], [], null), ReviewSteps.AfterCreate(review)),
            cancellationToken);

    private async Task<DurableChange<SecurityAccessReview>> ToDurableAsync(SecurityAccessReview review, ReviewChange change, string? causedBy, CancellationToken cancellationToken)
    {
        var items = change.Items ?? [];
        var subItems = change.SubItems ?? [];
        var fixedRows = 2 + (2 * change.Events.Count) + change.Outbox.Count;
        if (fixedRows + items.Count + subItems.Count > IPartitionStore.MaxAtomicChanges)
        {
            await store.WriteAccessAsync(review.Id, items, subItems, cancellationToken);
            (items, subItems) = ([], []);
        }

        return new DurableChange<SecurityAccessReview>(review, rows.For(review.State, change.Events, items, subItems, causedBy), change.Outbox);
    }
}
