using AccessReviewFunctions.Functions.Reviews.Storage;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>
/// The safety net behind the durable timers: closes reviews whose end time passed (a lost or late timer), completes
/// reviews due to auto-complete, re-sends automatic rejections owed too long, and sends outbox rows a crash left
/// behind. Runs as a singleton timer trigger.
/// </summary>
internal sealed class SweeperJob(
    IReviewIndex index, ReviewUpdater updater, IOutboxDispatcher outbox, IMessageSender sender, TimeProvider clock, ILogger<SweeperJob> logger) : ITimerJob
{
    /// <summary>Outbox rows younger than this are still being dispatched by the writer that made them.</summary>
    public static readonly TimeSpan StrandedAfter = TimeSpan.FromMinutes(1);

    public string Name => "sweeper";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await index.ListNeedingAttentionAsync(now, cancellationToken);
        foreach (var review in due)
        {
            await updater.UpdateAsync(review.Id, r => ReviewSteps.Sweep(r, now), null, cancellationToken);
            if (ReviewSteps.NudgeAutoReject(review, now) is { } nudge)
            {
                await sender.SendAsync(nudge, cancellationToken);
            }
        }

        var stranded = await outbox.DispatchStrandedAsync(StrandedAfter, cancellationToken);
        if (due.Count > 0 || stranded > 0)
        {
            logger.LogInformation("Sweeper looked after {Due} reviews and dispatched {Stranded} stranded outbox messages", due.Count, stranded);
        }
    }
}
