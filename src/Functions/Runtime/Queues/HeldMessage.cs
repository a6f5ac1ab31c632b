using System.Diagnostics.CodeAnalysis;

namespace AccessReviewFunctions.Functions.Runtime.Queues;

/// <summary>
/// A message taken for a short visibility timeout (<see cref="RuntimeOptions.MessageLease"/>) and kept invisible while
/// its handler runs by renewing that timeout every third of it, as the Functions queue trigger does: a handler may run
/// as long as it needs, and a message whose host died reappears within one lease. Settle it through <see cref="StopAsync"/>,
/// which ends the renewals and returns the message with its latest pop receipt.
/// </summary>
internal sealed class HeldMessage : IAsyncDisposable
{
    private readonly IQueueTransport queues;
    private readonly TimeSpan lease;
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewing;
    private ReceivedMessage current;

    public HeldMessage(ReceivedMessage message, IQueueTransport queues, TimeSpan lease)
    {
        current = message;
        this.queues = queues;
        this.lease = lease;
        renewing = RenewAsync(stop.Token);
    }

    /// <summary>How often the visibility is renewed: a third of the lease, so two renewals may fail before it lapses.</summary>
    public static TimeSpan RenewEvery(TimeSpan lease) => lease / 3;

    /// <summary>Ends the renewals; the message as last renewed, to delete or hide.</summary>
    public async Task<ReceivedMessage> StopAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync();
        }

        await renewing;
        return current;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A failed renewal is tried again at the next tick; the lease lapsing only means another listener may take the message.")]
    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        // Real time, not the host's clock: the visibility timeout runs on the storage service's clock.
        using var timer = new PeriodicTimer(RenewEvery(lease));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    // Not cancelled by the stop: a renewal cut off mid-call could change the pop receipt unseen.
                    current = await queues.HideAsync(current, lease, CancellationToken.None);
                }
                catch (MessageLeaseLostException)
                {
                    return;
                }
                catch (Exception)
                {
                    // Storage hiccup: the next tick tries again while the lease still runs.
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: the handler finished.
        }
    }
}
