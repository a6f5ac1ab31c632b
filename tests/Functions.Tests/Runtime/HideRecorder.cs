using System.Collections.Concurrent;
using AccessReviewFunctions.Functions.Runtime.Queues;

namespace AccessReviewFunctions.Functions.Tests.Runtime;

/// <summary>Records every visibility change of a message: the hide before a retry, the renewals while a handler runs.</summary>
internal sealed class HideRecorder(IQueueTransport inner, ConcurrentQueue<TimeSpan> hides) : IQueueTransport
{
    public Task SendAsync(string queue, string text, TimeSpan? delay, CancellationToken cancellationToken) => inner.SendAsync(queue, text, delay, cancellationToken);

    public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan visibility, CancellationToken cancellationToken) =>
        inner.ReceiveAsync(queue, maxMessages, visibility, cancellationToken);

    public Task<ReceivedMessage> HideAsync(ReceivedMessage message, TimeSpan visibility, CancellationToken cancellationToken)
    {
        hides.Enqueue(visibility);
        return inner.HideAsync(message, visibility, cancellationToken);
    }

    public Task DeleteAsync(ReceivedMessage message, CancellationToken cancellationToken) => inner.DeleteAsync(message, cancellationToken);
}
