using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>
/// Expiry with AUTO_REJECT_INCOMPLETE: writes a system REVOKE_ACCESS on every undecided item (idempotent upserts,
/// as many rows as it takes), then finishes the close in one commit that counts from the stored rows.
/// </summary>
internal sealed class AutoRejectHandler(IReviewStore store, ReviewUpdater updater, TimeProvider clock) : IMessageHandler<AutoRejectUndecided>
{
    public async Task HandleAsync(AutoRejectUndecided message, MessageContext context, CancellationToken cancellationToken)
    {
        var loaded = await store.GetAsync(message.ReviewId, cancellationToken);
        if (loaded is null || !loaded.Review.State.AutoRejectPending)
        {
            return;
        }

        var items = await store.ListItemsAsync(message.ReviewId, cancellationToken);
        var subItems = await store.ListSubItemsAsync(message.ReviewId, null, cancellationToken);
        var rejections = loaded.Review.AutoRejections(items, subItems);
        await store.WriteAccessAsync(message.ReviewId, [.. rejections.Select(r => r.Item)], [.. rejections.SelectMany(r => r.ChangedSubItems)], cancellationToken);
        var stored = await store.ListItemsAsync(message.ReviewId, cancellationToken);
        await updater.UpdateAsync(message.ReviewId, review => ReviewSteps.OnAutoRejected(review, stored, clock.GetUtcNow()), message.MessageId, cancellationToken);
    }
}
