using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Runtime.Queues;

/// <summary>
/// Deadlines before bulk work, within one instance. A queue registered urgent (<c>AddUrgentQueue</c>: the review end
/// timers) has a backlog while its listener's last receive came back full. While any urgent queue has one, the other
/// listeners of this instance fetch no new batch (the handlers they hold run on), for at most
/// <see cref="RuntimeOptions.MaxYield"/> at a time, so bulk work still moves during a long backlog. Without it a storm
/// of due end timers shares one storage account with the remediation and log work the first closes cause, and the last
/// review closes long after its end time.
/// </summary>
internal sealed class QueuePriority(MessageRegistry registry, IOptions<RuntimeOptions> options)
{
    private readonly Lock gate = new();
    private readonly HashSet<string> backlogged = new(StringComparer.Ordinal);
    // Completed when the last backlog clears; only waited on while some queue has one.
    private TaskCompletionSource cleared = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsUrgent(string queue) => registry.IsUrgent(queue);

    /// <summary>Called by every listener after a receive: a full batch from an urgent queue means more is waiting.</summary>
    public void Received(string queue, int count, int batchSize)
    {
        if (!IsUrgent(queue))
        {
            return;
        }

        lock (gate)
        {
            if (count >= batchSize)
            {
                backlogged.Add(queue);
                if (cleared.Task.IsCompleted)
                {
                    cleared = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
            else if (backlogged.Remove(queue) && backlogged.Count == 0)
            {
                cleared.TrySetResult();
            }
        }
    }

    /// <summary>An urgent listener that stops or cannot reach its queue holds nobody back.</summary>
    public void Stopped(string queue) => Received(queue, 0, int.MaxValue);

    /// <summary>
    /// Before a listener of a queue that is not urgent fetches: null when nothing holds it back, otherwise the wait
    /// until the urgent backlog clears or MaxYield passes, whichever is first.
    /// </summary>
    public Task? HoldBack(string queue, CancellationToken cancellationToken)
    {
        Task cleared;
        lock (gate)
        {
            if (backlogged.Count == 0 || IsUrgent(queue) || options.Value.MaxYield <= TimeSpan.Zero)
            {
                return null;
            }

            cleared = this.cleared.Task;
        }

        return WaitAsync(cleared, options.Value.MaxYield, cancellationToken);
    }

    private static async Task WaitAsync(Task cleared, TimeSpan most, CancellationToken cancellationToken)
    {
        try
        {
            await cleared.WaitAsync(most, cancellationToken);
        }
        catch (TimeoutException)
        {
            // MaxYield passed with the backlog still there: the caller fetches one batch anyway.
        }
    }
}
