using System.Collections.Concurrent;

namespace AccessReviewFunctions.Functions.Runtime.Queues;

/// <summary>
/// A nudge from a sender to this process's listener of the same queue, so work sent here starts at once instead of
/// after the idle poll back-off. Other instances still find the message by polling.
/// </summary>
internal sealed class QueueWakeUp
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> signals = new(StringComparer.Ordinal);

    public void Signal(string queue)
    {
        try
        {
            For(queue).Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers any number of sends.
        }
    }

    /// <summary>Waits for the delay to pass or a signal to arrive, whichever is first.</summary>
    public async Task WaitAsync(string queue, TimeSpan delay, CancellationToken cancellationToken)
    {
        await For(queue).WaitAsync(delay, cancellationToken);
    }

    private SemaphoreSlim For(string queue) => signals.GetOrAdd(queue, _ => new SemaphoreSlim(0, 1));
}
