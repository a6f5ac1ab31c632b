using System.Collections.Concurrent;
using AccessReviewFunctions.Functions.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>Every message a host sent to its queues (the outbox's and the sweeper's alike), in order.</summary>
internal sealed class SentMessages
{
    private readonly ConcurrentQueue<OutgoingMessage> sent = new();

    public IReadOnlyList<T> Of<T>() => [.. sent.Select(m => m.Message).OfType<T>()];

    /// <summary>Records what the host's <see cref="IMessageSender"/> sends, once the real sender took it.</summary>
    public void Record(IServiceCollection services) => services.Decorate<IMessageSender>((inner, _) => new Recording(inner, sent));

    private sealed class Recording(IMessageSender inner, ConcurrentQueue<OutgoingMessage> sent) : IMessageSender
    {
        public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            await inner.SendAsync(message, cancellationToken);
            sent.Enqueue(message);
        }
    }
}
