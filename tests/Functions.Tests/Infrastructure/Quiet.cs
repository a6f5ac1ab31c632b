using AccessReviewFunctions.Functions.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>
/// Waits until a host is provably quiet, so a test can then assert what did not happen: no handler run in flight,
/// every listener has since polled its queue empty with nothing in flight, no handler started meanwhile, and every timer
/// job waits for a time the clock has not reached. Messages delayed into the future (timer hops, retries) stay
/// invisible to this; a test rules those out by its settings.
/// </summary>
public static class Quiet
{
    public static RuntimeActivity Activity(this IServiceProvider services) => services.GetRequiredService<RuntimeActivity>();

    public static async Task QuietAsync(this IServiceProvider services, TimeSpan? timeout = null)
    {
        var activity = services.Activity();
        var clock = services.GetRequiredService<TimeProvider>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            await Eventually.WaitAsync(() => Read(activity).Values.All(q => q.InFlight == 0) && TimersWait(activity, clock), deadline - DateTime.UtcNow);

            // Two readings with the same runs and nothing in flight: any handler that sent a message finished before the
            // first, so a poll begun after the second sees that message.
            var first = Read(activity);
            var start = Read(activity);
            if (!start.All(q => q.Value.InFlight == 0 && (q.Value.Received, q.Value.Completed) == (first[q.Key].Received, first[q.Key].Completed)))
            {
                continue;
            }

            await Eventually.WaitAsync(() => start.All(q => activity.Queue(q.Key).LastIdlePoll > q.Value.Polls), deadline - DateTime.UtcNow);
            if (TimersWait(activity, clock) && Read(activity).All(q => q.Value.Received == start[q.Key].Received))
            {
                return;
            }
        }
    }

    private static Dictionary<string, QueueActivity> Read(RuntimeActivity activity) =>
        activity.Queues.ToDictionary(q => q, activity.Queue, StringComparer.Ordinal);

    private static bool TimersWait(RuntimeActivity activity, TimeProvider clock) =>
        activity.TimerJobs.All(j => activity.Timer(j).WaitingUntil is { } due && due > clock.GetUtcNow());
}
