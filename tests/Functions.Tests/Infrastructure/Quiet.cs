using AccessReviewFunctions.Functions.Runtime.Timers;
using AccessReviewFunctions.Functions.Runtime.Queues;
using AccessReviewFunctions.Functions.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>
/// Waits until a host is provably quiet, so a test can then assert what did not happen: no handler run or background
/// outbox send in flight,
/// every listener has since polled its queue empty with nothing in flight, no handler started meanwhile, and every timer
/// job waits for a time the clock has not reached. Messages delayed into the future (timer hops, retries) stay
/// invisible to this; a test rules those out by its settings.
/// </summary>
internal static class Quiet
{
    public static RuntimeActivity Activity(this IServiceProvider services) => services.GetRequiredService<RuntimeActivity>();

    public static async Task QuietAsync(this IServiceProvider services, TimeSpan? timeout = null)
    {
        var activity = services.Activity();
        var clock = services.GetRequiredService<TimeProvider>();
        var running = services.GetRequiredService<IOptions<RuntimeOptions>>().Value.Listeners;
        var queues = running ? services.GetRequiredService<MessageRegistry>().ListenedQueues.ToList() : [];
        var jobs = running ? services.GetRequiredService<TimerJobRunner>().Jobs.Select(j => j.Name).ToList() : [];
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            await Eventually.WaitAsync(
                () => Read(activity, queues).Values.All(q => q.InFlight == 0) && activity.Outbox.InFlight == 0 && TimersWait(activity, jobs, clock),
                deadline - DateTime.UtcNow);

            // Two readings with the same runs and nothing in flight: any handler or background send that sent a message
            // finished before the first, so a poll begun after the second sees that message.
            var (first, firstSends) = (Read(activity, queues), activity.Outbox);
            var (start, sends) = (Read(activity, queues), activity.Outbox);
            if (sends != firstSends || sends.InFlight != 0
                || !start.All(q => q.Value.InFlight == 0 && (q.Value.Received, q.Value.Completed) == (first[q.Key].Received, first[q.Key].Completed)))
            {
                continue;
            }

            await Eventually.WaitAsync(() => start.All(q => activity.Queue(q.Key).LastIdlePoll > q.Value.Polls), deadline - DateTime.UtcNow);
            if (TimersWait(activity, jobs, clock) && activity.Outbox == sends && Read(activity, queues).All(q => q.Value.Received == start[q.Key].Received))
            {
                return;
            }
        }
    }

    /// <summary>Every listened queue, including one whose listener has not started yet (all zeros, never idle).</summary>
    private static Dictionary<string, QueueActivity> Read(RuntimeActivity activity, List<string> queues) =>
        queues.ToDictionary(q => q, activity.Queue, StringComparer.Ordinal);

    private static bool TimersWait(RuntimeActivity activity, List<string> jobs, TimeProvider clock) =>
        jobs.All(j => activity.Timer(j).WaitingUntil is { } due && due > clock.GetUtcNow());
}
