using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Runtime.Queues;

/// <summary>
/// Handles an outbox message in this process instead of sending it, for the message types registered with
/// <c>AddInProcessDelivery</c> whose queue this instance listens to (Runtime:Listeners). The outbox of a change made over
/// HTTP is sent after the answer (<see cref="Durable.OutboxInBackground"/>); a System Log feed message there costs the
/// queue a send, a receive and a delete, and the queue service is what a burst of decisions waits on. Handled here it
/// costs none of them. The outbox row is deleted only after the handler returned, so a crash before that leaves the row
/// for the outbox job, which sends it; a handler that throws gets the message sent to its queue, whose retries and
/// poison queue take over. The handler must be idempotent, as every queue handler is.
/// </summary>
internal sealed partial class InProcessDelivery(
    MessageRegistry registry, IServiceScopeFactory scopes, RuntimeActivity activity, TimeProvider clock, IOptions<RuntimeOptions> options, ILogger<InProcessDelivery> logger)
{
    /// <returns>True when the message was handled here; false when it is to be sent to its queue.</returns>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Whatever the handler throws, the message is sent to its queue instead, whose retries and poison queue deal with it.")]
    public async Task<bool> TryHandleAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (!options.Value.Listeners || message.VisibleAt is not null || !registry.IsInProcess(message.Message.GetType(), message.Queue))
        {
            return false;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = new MessageContext(message.Queue, $"in-process:{message.Message.MessageId}", 1, clock.GetUtcNow());
            await registry.Get(message.Message.GetType()).DispatchAsync(scope.ServiceProvider, message.Message, context, cancellationToken);
            activity.HandledInProcess();
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogSentInstead(e, message.Queue, message.Message.MessageId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} failed in process; sending it to queue {Queue} instead")]
    private partial void LogSentInstead(Exception exception, string queue, string messageId);
}
