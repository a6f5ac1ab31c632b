using System.Collections.Concurrent;
using Azure.Storage.Queues;

namespace AccessReviewFunctions.StorageBench;

/// <summary>Queue send, receive of 32 and delete by pop receipt.</summary>
internal sealed class QueueCases(QueueServiceClient service, BenchSettings settings)
{
    private const int Round = 640;
    private const string Payload = """{"type":"GatherAccess","reviewId":"sar0123456789abcdefghij","messageId":"msg0123456789abcdefghij"}""";

    public async Task<Measurement> SendsAsync(int callers)
    {
        var queue = await QueueAsync($"send{callers}");
        return await Throughput.RunAsync(callers, settings.Warmup, settings.Duration, async (_, ct) =>
        {
            await queue.SendMessageAsync(Payload, ct);
            return 1;
        });
    }

    /// <summary>Messages per second from receives of 32 (the units are messages, not calls), in rounds.</summary>
    public Task<Measurement> ReceivesOf32Async(int callers) => InRoundsAsync($"receive{callers}", queue =>
        Throughput.UntilDoneAsync(callers, async () => (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10))).Value.Length));

    /// <summary>Deletes by pop receipt, in rounds whose messages are received (untimed) before they are deleted (timed).</summary>
    public Task<Measurement> DeletesAsync(int callers) => InRoundsAsync($"delete{callers}", async queue =>
    {
        var receipts = new ConcurrentQueue<(string Id, string PopReceipt)>();
        while (receipts.Count < Round)
        {
            foreach (var message in (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10))).Value)
            {
                receipts.Enqueue((message.MessageId, message.PopReceipt));
            }
        }

        return await Throughput.UntilDoneAsync(callers, async () =>
        {
            if (!receipts.TryDequeue(out var receipt))
            {
                return 0;
            }

            await queue.DeleteMessageAsync(receipt.Id, receipt.PopReceipt);
            return 1;
        });
    });

    /// <summary>A queue of about <see cref="BenchSettings.QueueDepth"/> messages: that many stay invisible for the whole
    /// case, and each round sends <see cref="Round"/> more (untimed) for <paramref name="round"/> to use up, until the
    /// rounds' timed parts reach the duration. The first round is the warm-up.</summary>
    private async Task<Measurement> InRoundsAsync(string name, Func<QueueClient, Task<Measurement>> round)
    {
        var queue = await QueueAsync(name);
        await FillAsync(queue, settings.QueueDepth, TimeSpan.FromHours(1));
        await FillAsync(queue, Round);
        await round(queue);
        var total = new Measurement(0, 0, 0, 0, null);
        while (total.Seconds < settings.Duration.TotalSeconds)
        {
            await FillAsync(queue, Round);
            total = Throughput.Add(total, await round(queue));
        }

        return total;
    }

    private async Task<QueueClient> QueueAsync(string name)
    {
        var queue = service.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    private static async Task FillAsync(QueueClient queue, int count, TimeSpan? invisibleFor = null)
    {
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                await queue.SendMessageAsync(Payload, invisibleFor);
            }
        }));
    }
}
