using Microsoft.Extensions.Options;
using Microsoft.WindowsAzure.Storage.Queue;

namespace AccessReviewFunctions.Functions.Runtime;

/// <summary>Puts typed messages on storage queues; a future VisibleAt becomes a visibility delay capped at MaxTimerHop.</summary>
internal sealed class QueueMessageSender(QueueProvider queues, MessageSerializer serializer, TimeProvider clock, IOptions<RuntimeOptions> options, QueueWakeUp wakeUp)
    : IMessageSender
{
    /// <summary>Messages never expire: a retried or long-delayed work item must not vanish after the 7-day default.</summary>
    private static readonly TimeSpan NoExpiry = TimeSpan.FromSeconds(-1);

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = await serializer.SerializeAsync(message.Message, cancellationToken);
        var queue = await queues.GetAsync(message.Queue, cancellationToken);
        var delay = DelayUntil(message.VisibleAt);
        await queue.AddMessageAsync(new CloudQueueMessage(text), NoExpiry, delay, null, null, cancellationToken);
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
