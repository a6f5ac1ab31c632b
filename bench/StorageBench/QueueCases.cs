using Azure.Storage.Queues;

namespace AccessReviewFunctions.StorageBench;

/// <summary>Queue send, receive of 32 and delete by pop receipt.</summary>
internal sealed class QueueCases(QueueServiceClient service, BenchSettings settings)
{
    private const int Round = 320;
    private const string Payload = """{"type":"GatherAccess","reviewId":"sar0123456789abcdefghij","messageId":"msg0123456789abcdefghij"}""";

    public Task<Measurement> SendsAsync(int callers) => WithQueueAsync($"send{callers}", queue =>
        Throughput.RunAsync(callers, settings.Warmup, settings.Duration, async (_, ct) =>
        {
            await queue.SendMessageAsync(Payload, ct);
            return 1;
        }));

    /// <summary>Messages per second from receives of 32. A received message is visible again after 1 s, so a queue
    /// of <see cref="BenchSettings.QueueDepth"/> messages never runs dry; the units are messages, not calls.</summary>
    public Task<Measurement> ReceivesOf32Async(int callers) => WithQueueAsync($"receive{callers}", async queue =>
    {
        await FillAsync(queue, settings.QueueDepth);
        return await Throughput.RunAsync(callers, settings.Warmup, settings.Duration, async (_, ct) =>
            (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1), ct)).Value.Length);
    });

    /// <summary>Deletes by pop receipt with about <see cref="BenchSettings.QueueDepth"/> messages queued: that many stay
    /// invisible for the whole case, and rounds of <see cref="Round"/> more are received (untimed) and deleted (timed)
    /// until the timed part reaches the duration. The first round is the warm-up.</summary>
    public Task<Measurement> DeletesAsync(int callers) => WithQueueAsync($"delete{callers}", async queue =>
    {
        await FillAsync(queue, settings.QueueDepth, TimeSpan.FromHours(1));
        var total = new Measurement(0, 0, 0, 0, null);
        for (var round = 0; total.Seconds < settings.Duration.TotalSeconds; round++)
        {
            await FillAsync(queue, Round);
            var receipts = new List<(string Id, string PopReceipt)>();
            while (receipts.Count < Round)
            {
                receipts.AddRange((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10))).Value.Select(m => (m.MessageId, m.PopReceipt)));
            }

            var drained = await Throughput.DrainAsync(callers, receipts, r => queue.DeleteMessageAsync(r.Id, r.PopReceipt));
            if (round > 0)
            {
                total = new Measurement(0, total.Units + drained.Units, total.Seconds + drained.Seconds,
                    total.Errors + drained.Errors, total.FirstError ?? drained.FirstError);
            }
        }

        return total with { UnitsPerSecond = total.Units / total.Seconds };
    });

    /// <summary>Each case has its own queue and deletes it afterwards: Azurite keeps the messages of every queue in
    /// one collection and scans it on each call, so messages left by one case would slow the next.</summary>
    private async Task<Measurement> WithQueueAsync(string name, Func<QueueClient, Task<Measurement>> run)
    {
        var queue = service.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync();
        try
        {
            return await run(queue);
        }
        finally
        {
            await queue.DeleteIfExistsAsync();
        }
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
