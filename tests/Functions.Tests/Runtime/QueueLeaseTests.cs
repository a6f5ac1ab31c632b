using System.Collections.Concurrent;
using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Functions.Runtime.Queues;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Azure.Storage.Queues;

namespace AccessReviewFunctions.Functions.Tests.Runtime;

/// <summary>
/// A message is taken for a short lease, renewed while its handler runs: a slow handler keeps it, a crashed host loses
/// it within one lease, and a stopping host gives it back at once.
/// </summary>
public sealed class QueueLeaseTests
{
    private const string Queue = "work";

    [Fact]
    public async Task Handle_RunsForFourLeases_RenewedAndDeliveredOnce()
    {
        var hides = new ConcurrentQueue<TimeSpan>();
        await using var host = await RuntimeHost.StartAsync(
            s => s.AddMessageHandler<Blocked, GatedHandler>(Queue).Decorate<IQueueTransport>((inner, _) => new HideRecorder(inner, hides)),
            new Dictionary<string, string?> { ["Runtime:MessageLease"] = "00:00:03" });

        await host.Sender.SendAsync(new OutgoingMessage(Queue, new Blocked("b1")), CancellationToken.None);

        // Without renewals the message reappears after one lease and the listener takes it a second time. A 3 s lease
        // (renewed every second) rides out a stall of the loaded test machine shorter than two renewals.
        await Eventually.WaitAsync(() => hides.Count >= 12 || host.Recorder.MaxRunning > 1, TimeSpan.FromSeconds(30));
        Assert.Equal(1, host.Recorder.MaxRunning);
        Assert.All(hides, h => Assert.Equal(TimeSpan.FromSeconds(3), h));
        host.Recorder.Gate.SetResult();
        await Eventually.GetAsync(host.Queue(Queue).ApproximateCountAsync, count => count == 0);
        await host.Services.QuietAsync();
        Assert.Equal([("b1", 1)], host.Recorder.Deliveries.Select(d => (d.MessageId, d.DequeueCount)));
    }

    [Fact]
    public async Task Stop_HandlerStillRunning_MessageVisibleAgainAtOnce()
    {
        var host = await RuntimeHost.StartAsync(
            s => s.AddMessageHandler<Blocked, GatedHandler>(Queue),
            new Dictionary<string, string?> { ["Runtime:MessageLease"] = "00:05:00" });
        var queue = new QueueClient(TestStorage.ConnectionString, host.Names.Queue(Queue));
        await host.Sender.SendAsync(new OutgoingMessage(Queue, new Blocked("b1")), CancellationToken.None);
        await Eventually.WaitAsync(() => host.Recorder.Running == 1);

        await host.DisposeAsync();

        // Not after the five-minute lease: released while stopping, so the next instance takes it now.
        var visible = (await queue.PeekMessagesAsync(1)).Value;
        Assert.Single(visible);
        Assert.Equal(1, visible[0].DequeueCount);
    }
}
