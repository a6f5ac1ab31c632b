using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>
/// Writes the rows of the review's pending decisions, one step of at most MaxRowsPerStep rows at a time, each
/// under the header's ETag, until nothing is pending. Every step reads the rows it applies to (from this
/// instance's cache while no one else wrote in between), so a redelivery or a second handler writes nothing twice.
/// </summary>
internal sealed class ApplyPendingHandler(ReviewUpdater updater, ReviewAccess access, IReviewStore store) : IMessageHandler<ApplyPendingDecisions>
{
    public async Task HandleAsync(ApplyPendingDecisions message, MessageContext context, CancellationToken cancellationToken)
    {
        SecurityAccessReview? review;
        do
        {
            review = await updater.UpdateAsync(message.ReviewId, ApplyNextAsync, null, cancellationToken);
        }
        while (review is { State.Pending.Count: > 0 });
    }

    private async Task<ReviewChange?> ApplyNextAsync(LoadedReview loaded, CancellationToken cancellationToken)
    {
        if (loaded.Review.State.Pending is not [var first, ..])
        {
            return null;
        }

        var stored = first.Scope == PendingScope.AccessItem
            ? await store.ReadItemAsync(loaded.Review.Id, first.AccessItemId!, cancellationToken)
            : await access.AllAsync(loaded, cancellationToken);
        return ReviewSteps.OnApplyPending(loaded.Review, stored);
    }
}
