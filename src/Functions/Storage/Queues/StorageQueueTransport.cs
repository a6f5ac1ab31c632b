using AccessReviewFunctions.Functions.Runtime.Queues;
using Azure;

namespace AccessReviewFunctions.Functions.Storage.Queues;

/// <summary>The runtime's queues on Azure Storage queues.</summary>
internal sealed class StorageQueueTransport(StorageResources resources) : IQueueTransport
{
    /// <summary>Messages never expire: a retried or long-delayed work item must not vanish after the 7-day default.</summary>
    private static readonly TimeSpan NoExpiry = TimeSpan.FromSeconds(-1);

    public async Task SendAsync(string queue, string text, TimeSpan? delay, CancellationToken cancellationToken)
    {
        var client = await resources.QueueAsync(queue, cancellationToken);
        await client.SendMessageAsync(text, delay, NoExpiry, cancellationToken);
    }

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var client = await resources.QueueAsync(queue, cancellationToken);
        var messages = (await client.ReceiveMessagesAsync(maxMessages, visibility, cancellationToken)).Value;
        return messages.Select(m => new ReceivedMessage(queue, m.MessageId, m.PopReceipt, m.Body.ToString(), m.DequeueCount, m.InsertedOn)).ToList();
    }

    public async Task<ReceivedMessage> HideAsync(ReceivedMessage message, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var client = await resources.QueueAsync(message.Queue, cancellationToken);
        try
        {
            var receipt = await client.UpdateMessageAsync(message.Id, message.PopReceipt, visibilityTimeout: visibility, cancellationToken: cancellationToken);
            return message with { PopReceipt = receipt.Value.PopReceipt };
        }
        catch (RequestFailedException e) when (LeaseLost(e))
        {
            throw new MessageLeaseLostException(message.Queue, message.Id, e);
        }
    }

    public async Task DeleteAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var client = await resources.QueueAsync(message.Queue, cancellationToken);
        try
        {
            await client.DeleteMessageAsync(message.Id, message.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException e) when (LeaseLost(e))
        {
            throw new MessageLeaseLostException(message.Queue, message.Id, e);
        }
    }

    private static bool LeaseLost(RequestFailedException e) => e.Status == 404 || e.ErrorCode == "PopReceiptMismatch";
}
