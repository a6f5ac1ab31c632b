using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>
/// Arms the end timers of open reviews whose end comes within half the horizon (<see cref="EndTimerHorizon"/>) and were
/// not armed at create or update, each once: from the mark of its last pass to the new reach, then moves the mark.
/// A pass cut short sends some of them again on the next; a second timer for the same end time finds the review closed.
/// Reviews already past their end are the sweeper's. Runs as a singleton timer trigger ("end-timers", every minute).
/// </summary>
internal sealed partial class EndTimerJob(
    IReviewIndex index, IEndTimerMark mark, IMessageSender sender, EndTimerHorizon horizon, TimeProvider clock, ILogger<EndTimerJob> logger) : ITimerJob
{
    public string Name => "end-timers";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var armedUntil = await mark.ReadAsync(cancellationToken);
        var from = armedUntil > now ? armedUntil.Value : now;
        var reach = horizon.JobReach(now);
        if (reach <= from)
        {
            return;
        }

        var ending = await index.ListEndingAsync(from, reach, cancellationToken);
        foreach (var review in ending)
        {
            await sender.SendAsync(ReviewSteps.ArmEndTimer(review), cancellationToken);
        }

        await mark.WriteAsync(reach, cancellationToken);
        if (ending.Count > 0)
        {
            LogArmed(ending.Count, reach);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Armed the end timers of {Count} reviews ending up to {Reach:O}")]
    private partial void LogArmed(int count, DateTimeOffset reach);
}
