using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Runtime.Queues;

/// <summary>Handles one delivered message and settles it: delete on success, retry with backoff, or move to poison.</summary>
internal sealed partial class MessageProcessor(
    MessageSerializer serializer,
    IPayloadStore payloads,
    IQueueTransport queues,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<QueueOptions> queueOptions,
    IOptions<RuntimeOptions> runtimeOptions,
    ILogger<MessageProcessor> logger)
{
    private const int MaxErrorLength = 4096;
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(2);

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A handler failure of any kind is retried with backoff, then poisoned: the queue trigger must outlive its handlers.")]
    public async Task ProcessAsync(ReceivedMessage taken, CancellationToken cancellationToken)
    {
        DecodedMessage? decoded = null;
        Exception? failure = null;
        await using var held = new HeldMessage(taken, queues, runtimeOptions.Value.MessageLease);
        try
        {
            decoded = await serializer.DeserializeAsync(taken.Text, cancellationToken);
            var context = new MessageContext(taken.Queue, taken.Id, (int)taken.DequeueCount, taken.InsertedAt);
            await using var scope = scopes.CreateAsyncScope();
            await decoded.Registration.DispatchAsync(scope.ServiceProvider, decoded.Message, context, cancellationToken);
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            // Settle with the latest pop receipt.
            taken = await held.StopAsync();
        }

        if (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(taken);
            throw new OperationCanceledException(cancellationToken);
        }

        if (failure is PoisonMessageException unreadable)
        {
            LogUnreadable(unreadable, taken.Queue, taken.Id);
            await PoisonAsync(taken, null, unreadable, cancellationToken);
        }
        else if (failure is not null || decoded is null)
        {
            await FailAsync(taken, decoded, failure ?? new InvalidOperationException("No message decoded"), cancellationToken);
        }
        else
        {
            await queues.DeleteAsync(taken, cancellationToken);
            if (decoded.Blob is not null)
            {
                await payloads.DeleteAsync(decoded.Blob, cancellationToken);
            }
        }
    }

    /// <summary>The host is stopping: make the message visible again at once for another instance (or the next start), within a bounded wait.</summary>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Best effort while stopping: if the release fails the lease lapses on its own within MessageLease.")]
    private async Task ReleaseAsync(ReceivedMessage message)
    {
        using var bounded = new CancellationTokenSource(ReleaseTimeout);
        try
        {
            await queues.HideAsync(message, TimeSpan.Zero, bounded.Token);
        }
        catch (Exception e)
        {
            LogReleaseFailed(e, message.Queue, message.Id);
        }
    }

    private async Task FailAsync(ReceivedMessage message, DecodedMessage? decoded, Exception error, CancellationToken cancellationToken)
    {
        if (message.DequeueCount >= queueOptions.Value.MaxDequeueCount)
        {
            LogGaveUp(error, message.Queue, message.Id, message.DequeueCount);
            await PoisonAsync(message, decoded, error, cancellationToken);
            return;
        }

        var delay = RetryPolicy.Delay(queueOptions.Value.RetryDelayBase, (int)message.DequeueCount, runtimeOptions.Value.MaxRetryDelay);
        LogRetry(error, message.Queue, message.Id, message.DequeueCount, delay);
        await queues.HideAsync(message, delay, cancellationToken);
    }

    private async Task PoisonAsync(ReceivedMessage message, DecodedMessage? decoded, Exception error, CancellationToken cancellationToken)
    {
        var errorText = Describe(error);
        var record = JsonSerializer.Serialize(new PoisonRecord(message.Text, errorText, clock.GetUtcNow(), (int)message.DequeueCount), MessageSerializer.Json);
        if (Encoding.UTF8.GetByteCount(record) > MessageSerializer.MaxInlineBytes)
        {
            var blob = await payloads.WriteAsync("poison", message.Text, cancellationToken);
            record = JsonSerializer.Serialize(new PoisonRecord(null, errorText, clock.GetUtcNow(), (int)message.DequeueCount, blob), MessageSerializer.Json);
        }

        await queues.SendAsync(QueueNames.Poison(message.Queue), record, null, cancellationToken);
        if (decoded is not null)
        {
            await NotifyPoisonHandlerAsync(message.Queue, decoded, errorText, cancellationToken);
        }

        await queues.DeleteAsync(message, cancellationToken);
    }

    private async Task NotifyPoisonHandlerAsync(string queueName, DecodedMessage decoded, string errorText, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await decoded.Registration.PoisonAsync(scope.ServiceProvider, decoded.Message, errorText, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPoisonHandlerFailed(e, queueName, decoded.Registration.TypeName, decoded.Message.MessageId);
        }
    }

    private static string Describe(Exception error)
    {
        var text = $"{error.GetType().Name}: {error.Message}";
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue} message {QueueMessageId} not released while stopping; it reappears when its lease lapses")]
    private partial void LogReleaseFailed(Exception exception, string queue, string queueMessageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue} message {QueueMessageId} failed on attempt {DequeueCount}; retrying in {Delay}")]
    private partial void LogRetry(Exception exception, string queue, string queueMessageId, long dequeueCount, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue {Queue} message {QueueMessageId} failed {DequeueCount} times; moving it to poison")]
    private partial void LogGaveUp(Exception exception, string queue, string queueMessageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue {Queue} message {QueueMessageId} is unreadable; moving it to poison")]
    private partial void LogUnreadable(Exception exception, string queue, string queueMessageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Poison handler for {Queue} {MessageType} {MessageId} failed; the message stays on the poison queue")]
    private partial void LogPoisonHandlerFailed(Exception exception, string queue, string messageType, string messageId);
}
