using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>Sends every <typeparamref name="TMessage"/> twice: two queue messages, as an outbox dispatch beside the
/// outbox job, or the sweeper's re-send, may make. Both copies arrive while the first still runs.</summary>
internal sealed class TwiceSent<TMessage>(IMessageSender inner) : IMessageSender
{
    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        await inner.SendAsync(message, cancellationToken);
        if (message.Message is TMessage)
        {
            await inner.SendAsync(message, cancellationToken);
        }
    }
}
