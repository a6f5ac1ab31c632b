using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>
/// The safety net behind the durable timers: closes reviews whose end time passed (a lost or late timer), completes
/// reviews due to auto-complete and re-sends the work of decisions pending too long. Runs as a singleton timer trigger;
/// outbox rows a crash left behind are the runtime's outbox job's.
/// </summary>
internal sealed class SweeperJob(
    IReviewIndex index, ReviewUpdater updater, IMessageSender sender, TimeProvider clock, ILogger<SweeperJob> logger) : ITimerJob
{
    public string Name => "sweeper";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await index.ListNeedingAttentionAsync(now, cancellationToken);
        foreach (var review in due)
        {
            await updater.UpdateAsync(review.Id, r => ReviewSteps.Sweep(r, now), null, cancellationToken);
            if (ReviewSteps.NudgePending(review, now) is { } nudge)
            {
                await sender.SendAsync(nudge, cancellationToken);
            }
        }

        if (due.Count > 0)
        {
            logger.LogInformation("Sweeper looked after {Due} reviews", due.Count);
        }
    }
}
