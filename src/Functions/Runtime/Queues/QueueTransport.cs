namespace AccessReviewFunctions.Functions.Runtime.Queues;

/// <summary>A message taken from a queue: invisible to other listeners until its visibility ends or it is deleted.</summary>
internal sealed record ReceivedMessage(string Queue, string Id, string PopReceipt, string Text, long DequeueCount, DateTimeOffset? InsertedAt);

/// <summary>The storage queues, by logical name (before the storage prefix); messages never expire.</summary>
internal interface IQueueTransport
{
    Task SendAsync(string queue, string text, TimeSpan? delay, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan visibility, CancellationToken cancellationToken);

    /// <summary>Hides the message for another <paramref name="visibility"/>; returns it with its new pop receipt.</summary>
    Task<ReceivedMessage> HideAsync(ReceivedMessage message, TimeSpan visibility, CancellationToken cancellationToken);

    /// <summary>Deletes the message; throws <see cref="MessageLeaseLostException"/> when another listener holds it now.</summary>
    Task DeleteAsync(ReceivedMessage message, CancellationToken cancellationToken);
}

/// <summary>The message's visibility ended and another listener took it (its pop receipt changed), or it is gone.</summary>
internal sealed class MessageLeaseLostException(string queue, string messageId, Exception? inner = null)
    : Exception($"Queue {queue} message {messageId} is no longer held by this listener", inner)
{
}

/// <summary>Bodies too large for a queue message or a table column, by name.</summary>
internal interface IPayloadStore
{
    Task<string> WriteAsync(string prefix, string text, CancellationToken cancellationToken);

    Task<string> ReadAsync(string name, CancellationToken cancellationToken);

    Task DeleteAsync(string name, CancellationToken cancellationToken);
}

/// <summary>Named leases that one holder at a time can take, across all host instances.</summary>
internal interface ILeaseStore
{
    /// <summary>The lease id, or null when another holder has the lease.</summary>
    Task<string?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken);

    Task RenewAsync(string name, string leaseId, CancellationToken cancellationToken);

    Task ReleaseAsync(string name, string leaseId, CancellationToken cancellationToken);
}
