using System.Collections.Concurrent;
using AccessReviewFunctions.Functions.Runtime.Queues;

namespace AccessReviewFunctions.RemediationBench;

/// <summary>Counts the storage queue calls per queue: sends, receives that returned messages, empty polls, hides and deletes.</summary>
internal sealed class CountingQueueTransport(IQueueTransport inner, QueueCounts counts) : IQueueTransport
{
    public Task SendAsync(string queue, string text, TimeSpan? delay, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref counts.For(queue).Sends);
        return inner.SendAsync(queue, text, delay, cancellationToken);
    }

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var received = await inner.ReceiveAsync(queue, maxMessages, visibility, cancellationToken);
        var count = counts.For(queue);
        if (received.Count > 0)
        {
            Interlocked.Increment(ref count.Receives);
        }
        else
        {
            Interlocked.Increment(ref count.EmptyPolls);
        }

        return received;
    }

    public Task<ReceivedMessage> HideAsync(ReceivedMessage message, TimeSpan visibility, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref counts.For(message.Queue).Hides);
        return inner.HideAsync(message, visibility, cancellationToken);
    }

    public Task DeleteAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref counts.For(message.Queue).Deletes);
        return inner.DeleteAsync(message, cancellationToken);
    }
}

internal sealed class QueueCounts
{
    private readonly ConcurrentDictionary<string, QueueCount> byQueue = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, QueueCount> ByQueue => byQueue;

    public QueueCount For(string queue) => byQueue.GetOrAdd(queue, _ => new QueueCount());

    public void Reset() => byQueue.Clear();
}

internal sealed class QueueCount
{
#pragma warning disable CA1051, SA1401 // counted with Interlocked by reference
    public long Sends;
    public long Receives;
    public long EmptyPolls;
    public long Hides;
    public long Deletes;
#pragma warning restore CA1051, SA1401

    /// <summary>The calls that move messages (an empty poll moves none).</summary>
    public long Operations => Interlocked.Read(ref Sends) + Interlocked.Read(ref Receives) + Interlocked.Read(ref Hides) + Interlocked.Read(ref Deletes);

    public override string ToString() =>
        $"{Interlocked.Read(ref Sends)} sends, {Interlocked.Read(ref Receives)} receives, {Interlocked.Read(ref Hides)} hides, {Interlocked.Read(ref Deletes)} deletes ({Interlocked.Read(ref EmptyPolls)} empty polls)";
}
