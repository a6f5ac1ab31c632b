using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.WindowsAzure.Storage.Queue;

namespace AccessReviewFunctions.Functions.Runtime;

/// <summary>Handles one delivered message and settles it: delete on success, retry with backoff, or move to poison.</summary>
internal sealed partial class MessageProcessor(
    MessageSerializer serializer,
    PayloadStore payloads,
    QueueProvider queues,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<QueueOptions> queueOptions,
    IOptions<RuntimeOptions> runtimeOptions,
    ILogger<MessageProcessor> logger)
{
    private const int MaxErrorLength = 4096;

    public async Task ProcessAsync(string queueName, CloudQueue queue, CloudQueueMessage message, CancellationToken cancellationToken)
    {
        var text = message.AsString;
        DecodedMessage? decoded = null;
        try
        {
            decoded = await serializer.DeserializeAsync(text, cancellationToken);
            var context = new MessageContext(queueName, message.Id, message.DequeueCount, message.InsertionTime);
            await using (var scope = scopes.CreateAsyncScope())
            {
                await decoded.Registration.DispatchAsync(scope.ServiceProvider, decoded.Message, context, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (PoisonMessageException e)
        {
            LogUnreadable(e, queueName, message.Id);
            await PoisonAsync(queueName, queue, message, null, e, cancellationToken);
            return;
        }
        catch (Exception e)
        {
            await FailAsync(queueName, queue, message, decoded, e, cancellationToken);
            return;
        }

        await queue.DeleteMessageAsync(message.Id, message.PopReceipt, null, null, cancellationToken);
        if (decoded.Blob is not null)
        {
            await payloads.DeleteAsync(decoded.Blob, cancellationToken);
        }
    }

    private async Task FailAsync(string queueName, CloudQueue queue, CloudQueueMessage message, DecodedMessage? decoded, Exception error, CancellationToken cancellationToken)
    {
        if (message.DequeueCount >= queueOptions.Value.MaxDequeueCount)
        {
            LogGaveUp(error, queueName, message.Id, message.DequeueCount);
            await PoisonAsync(queueName, queue, message, decoded, error, cancellationToken);
            return;
        }

        var delay = RetryPolicy.Delay(queueOptions.Value.RetryDelayBase, message.DequeueCount, runtimeOptions.Value.MaxRetryDelay);
        LogRetry(error, queueName, message.Id, message.DequeueCount, delay);
        await queue.UpdateMessageAsync(message, delay, MessageUpdateFields.Visibility, null, null, cancellationToken);
    }

    private async Task PoisonAsync(string queueName, CloudQueue queue, CloudQueueMessage message, DecodedMessage? decoded, Exception error, CancellationToken cancellationToken)
    {
        var errorText = Describe(error);
        var record = JsonSerializer.Serialize(new PoisonRecord(message.AsString, errorText, clock.GetUtcNow(), message.DequeueCount), MessageSerializer.Json);
        if (Encoding.UTF8.GetByteCount(record) > MessageSerializer.MaxInlineBytes)
        {
            var blob = await payloads.WriteAsync("poison", message.AsString, cancellationToken);
            record = JsonSerializer.Serialize(new PoisonRecord(null, errorText, clock.GetUtcNow(), message.DequeueCount, blob), MessageSerializer.Json);
        }

        var poison = await queues.GetAsync(QueueProvider.PoisonName(queueName), cancellationToken);
        await poison.AddMessageAsync(new CloudQueueMessage(record), TimeSpan.FromSeconds(-1), null, null, null, cancellationToken);
        if (decoded is not null)
        {
            await NotifyPoisonHandlerAsync(queueName, decoded, errorText, cancellationToken);
        }

        await queue.DeleteMessageAsync(message.Id, message.PopReceipt, null, null, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue} message {QueueMessageId} failed on attempt {DequeueCount}; retrying in {Delay}")]
    private partial void LogRetry(Exception exception, string queue, string queueMessageId, int dequeueCount, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue {Queue} message {QueueMessageId} failed {DequeueCount} times; moving it to poison")]
    private partial void LogGaveUp(Exception exception, string queue, string queueMessageId, int dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue {Queue} message {QueueMessageId} is unreadable; moving it to poison")]
    private partial void LogUnreadable(Exception exception, string queue, string queueMessageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Poison handler for {Queue} {MessageType} {MessageId} failed; the message stays on the poison queue")]
    private partial void LogPoisonHandlerFailed(Exception exception, string queue, string messageType, string messageId);
}
