using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>The end-time timer: re-arms until due, then closes the review (CLOSED, reason end time).</summary>
internal sealed class ReviewEndTimerHandler(ReviewUpdater updater, TimeProvider clock) : IMessageHandler<ReviewEndTimer>
{
    public Task HandleAsync(ReviewEndTimer message, MessageContext context, CancellationToken cancellationToken) =>
        updater.UpdateAsync(
            message.ReviewId,
            review => ReviewSteps.OnEndTimer(review, message, clock.GetUtcNow()),
            message.MessageId,
            cancellationToken);
}
