using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Risk;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>
/// The data-gathering activity: snapshots the principal's access into the review's partition, then activates it.
/// A failure is retried by the queue; once retries are exhausted the review becomes ERROR with the reason. The
/// sweeper re-sends gathering for a review PENDING longer than its grace, which a large principal outlasts: the first
/// copy claims the work (<see cref="ReviewUpdater.TryClaimAsync"/>, under the message id every copy shares, which names
/// the review: a claim key of its own, where Azurite walks every partition holding a shared one) and a copy arriving
/// while it runs leaves it alone, so gathering never runs twice at once.
/// </summary>
internal sealed class GatherAccessHandler(IReviewStore store, IReviewIndex index, IAccessInventory inventory, IDecisionLog decisions, ReviewUpdater updater, TimeProvider clock)
    : IMessageHandler<GatherAccess>, IPoisonHandler<GatherAccess>
{
    public async Task HandleAsync(GatherAccess message, MessageContext context, CancellationToken cancellationToken)
    {
        var loaded = await store.GetAsync(message.ReviewId, cancellationToken);
        if (loaded is null || loaded.Review.Status != ReviewStatus.PENDING || !await updater.TryClaimAsync(message.ReviewId, message.MessageId, context, cancellationToken))
        {
            return;
        }

        var principalId = loaded.Review.State.PrincipalId;
        var access = await inventory.GetPrincipalAccessAsync(principalId, cancellationToken)
            ?? throw new InvalidOperationException($"principal {principalId} is no longer in the inventory");
        var (items, subItems) = AccessSnapshot.Build(message.ReviewId, access, await RiskContextAsync(access, cancellationToken));

        // A copy of this message delivered again while this one ran (its lease lapsed when storage stalled longer than
        // the lease) may have activated the review meanwhile: its rows may already carry decisions, so leave them be.
        if ((await store.GetAsync(message.ReviewId, cancellationToken))?.Review.Status != ReviewStatus.PENDING)
        {
            return;
        }

        var rows = new AccessRows(items, subItems);
        await index.AddItemsAsync(message.ReviewId, rows, cancellationToken);
        await store.WriteAccessAsync(message.ReviewId, rows, cancellationToken);
        var summary = RiskSummary.ForReview(items.Where(i => i.Risk is not null).Select(i => (i, i.Risk!)));
        await updater.UpdateAsync(message.ReviewId, review => ReviewSteps.OnGathered(review, items.Count, clock.GetUtcNow(), summary), message.MessageId, cancellationToken);
    }

    private async Task<RiskContext> RiskContextAsync(PrincipalAccess access, CancellationToken cancellationToken)
    {
        var stats = await inventory.GetAssignmentStatsAsync(access.Grants.Select(g => g.AppId).Distinct().ToList(), cancellationToken);
        var past = await decisions.ListAsync(access.Principal.Id, cancellationToken);
        var rules = await inventory.GetSodRulesAsync(cancellationToken);
        return new RiskContext(stats.ToDictionary(s => s.AppId), past, rules, clock.GetUtcNow());
    }

    public Task OnPoisonAsync(GatherAccess message, string error, CancellationToken cancellationToken) =>
        updater.UpdateAsync(message.ReviewId, review => ReviewSteps.OnGatherFailed(review, error, clock.GetUtcNow()), message.MessageId + ".failed", cancellationToken);
}
