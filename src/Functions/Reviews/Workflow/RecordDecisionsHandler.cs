using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Domain.Reviews.Risk;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>Copies a closed review's standing decisions into the decision log; upserts, so a retry writes the same rows.</summary>
internal sealed class RecordDecisionsHandler(IReviewStore store, ReviewAccess access, IDecisionLog log) : IMessageHandler<RecordDecisions>
{
    public async Task HandleAsync(RecordDecisions message, MessageContext context, CancellationToken cancellationToken)
    {
        var loaded = await store.GetAsync(message.ReviewId, cancellationToken);
        if (loaded is null)
        {
            return;
        }

        var review = loaded.Review.State;
        var rows = loaded.Review.View(await access.AllAsync(loaded, cancellationToken));
        var decisions = rows.Items.Where(i => i.Decision is not null).Select(i => PastDecisions.Of(review, i.AppId, i.Decision!, i.Risk))
            .Concat(rows.SubItems.Where(s => s.Decision is not null).Select(s => PastDecisions.Of(review, s.ResourceId, s.Decision!, s.Risk)));
        await log.RecordAsync(review.PrincipalId, decisions, cancellationToken);
    }
}
