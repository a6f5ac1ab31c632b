using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>
/// The safety net behind the durable timers: closes reviews whose end time passed (a lost or late timer), completes
/// reviews due to auto-complete and re-sends the work of reviews PENDING, or owing decisions, longer than
/// Reviews:SweeperGrace (a host that died holding it, a lost message). Runs as a singleton timer trigger; outbox rows
/// a crash left behind are the runtime's outbox job's.
/// </summary>
internal sealed class SweeperJob(
    IReviewIndex index, ReviewUpdater updater, IMessageSender sender, TimeProvider clock, IConfiguration configuration, ILogger<SweeperJob> logger) : ITimerJob
{
    /// <summary>The default grace: longer than gathering takes, shorter than the 30 s a crashed host's work may wait.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(15);

    public string Name => "sweeper";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var grace = configuration.GetValue("Reviews:SweeperGrace", DefaultGrace);
        var due = await index.ListNeedingAttentionAsync(now, cancellationToken);
        foreach (var review in due)
        {
            await updater.UpdateAsync(review.Id, r => ReviewSteps.Sweep(r, now), null, cancellationToken);
            foreach (var work in ReviewSteps.Resend(review, now, grace))
            {
                await sender.SendAsync(work, cancellationToken);
            }
        }

        if (due.Count > 0)
        {
            logger.LogInformation("Sweeper looked after {Due} reviews", due.Count);
        }
    }
}
