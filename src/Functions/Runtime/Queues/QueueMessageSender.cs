using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Runtime.Queues;

/// <summary>Puts typed messages on storage queues; a future VisibleAt becomes a visibility delay capped at MaxTimerHop.</summary>
internal sealed class QueueMessageSender(IQueueTransport queues, MessageSerializer serializer, TimeProvider clock, IOptions<RuntimeOptions> options, QueueWakeUp wakeUp)
    : IMessageSender
{
    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = await serializer.SerializeAsync(message.Message, cancellationToken);
        var delay = DelayUntil(message.VisibleAt);
        await queues.SendAsync(message.Queue, text, delay, cancellationToken);
        if (delay is null)
        {
            wakeUp.Signal(message.Queue);
        }
    }

    private TimeSpan? DelayUntil(DateTimeOffset? visibleAt)
    {
        if (visibleAt is null)
        {
            return null;
        }

        var delay = visibleAt.Value - clock.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            return null;
        }

        return delay > options.Value.MaxTimerHop ? options.Value.MaxTimerHop : delay;
    }
}
