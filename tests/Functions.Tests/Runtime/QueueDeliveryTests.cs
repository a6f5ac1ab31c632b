using AccessReviewFunctions.Functions.Tests.Infrastructure;
using AccessReviewFunctions.Functions.Runtime;
using Microsoft.Extensions.DependencyInjection;
using AccessReviewFunctions.Functions.Storage.Blobs;

namespace AccessReviewFunctions.Functions.Tests.Runtime;

public sealed class QueueDeliveryTests
{
    private const string Queue = "work";

    [Fact]
    public async Task Send_TypedMessage_HandledOnceAndDeleted()
    {
        await using var host = await RuntimeHost.StartAsync(s => s.AddMessageHandler<Ping, RecordingHandler>(Queue));

        await host.Sender.SendAsync(new OutgoingMessage(Queue, new Ping("m1", "hello")), CancellationToken.None);

        await Eventually.WaitAsync(() => host.Recorder.Deliveries.Count == 1);
        var delivery = Assert.Single(host.Recorder.Deliveries);
        Assert.Equal(("m1", "hello", 1), (delivery.MessageId, delivery.Text, delivery.DequeueCount));
        var queue = host.Queue(Queue);
        await Eventually.GetAsync(queue.ApproximateCountAsync, count => count == 0);
        await host.Services.QuietAsync();
        Assert.Single(host.Recorder.Deliveries);
        Assert.Equal((1, 1), (host.Services.Activity().Queue(Queue).Received, host.Services.Activity().Queue(Queue).Completed));
    }

    [Fact]
    public async Task Send_VisibleInThreeSeconds_ListenerFindsNothingUntilThenHandlesOnce()
    {
        await using var host = await RuntimeHost.StartAsync(s => s.AddMessageHandler<Ping, RecordingHandler>(Queue));
        var queue = host.Queue(Queue);
        var activity = host.Services.Activity();

        await host.Sender.SendAsync(new OutgoingMessage(Queue, new Ping("m1", "later"), host.Clock.GetUtcNow().AddSeconds(3)), CancellationToken.None);
        var sent = activity.Queue(Queue);

        // The message is on the queue, yet a poll begun after the send finds the queue empty: it is not visible yet.
        Assert.Equal(1, await queue.ApproximateCountAsync());
        await Eventually.WaitAsync(() => activity.Queue(Queue).LastIdlePoll > sent.Polls);
        Assert.Empty(host.Recorder.Deliveries);
        Assert.Equal(0, activity.Queue(Queue).Received);
        await Eventually.WaitAsync(() => host.Recorder.Deliveries.Count == 1);
        Assert.Equal(("m1", 1), (host.Recorder.Deliveries.Single().MessageId, host.Recorder.Deliveries.Single().DequeueCount));
    }

    [Fact]
    public async Task Send_VisibleBeyondMaxTimerHop_ClampedAndAccepted()
    {
        await using var host = await RuntimeHost.StartAsync(s => s.AddMessageHandler<Ping, RecordingHandler>(Queue));

        await host.Sender.SendAsync(new OutgoingMessage(Queue, new Ping("m1", "next month"), host.Clock.GetUtcNow().AddDays(30)), CancellationToken.None);

        var queue = host.Queue(Queue);
        Assert.Equal(1, await queue.ApproximateCountAsync());
        Assert.Null((await queue.ReceiveMessageAsync()).Value);
        Assert.Equal(TimeSpan.FromDays(7), host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RuntimeOptions>>().Value.MaxTimerHop);
    }

    [Fact]
    public async Task Send_PayloadOver64KB_RoundTripsThroughBlobAndBlobIsDeleted()
    {
        await using var host = await RuntimeHost.StartAsync(s => s.AddMessageHandler<Ping, RecordingHandler>(Queue));
        var text = new string('x', 70 * 1024);

        await host.Sender.SendAsync(new OutgoingMessage(Queue, new Ping("big", text)), CancellationToken.None);

        await Eventually.WaitAsync(() => host.Recorder.Deliveries.Count == 1);
        Assert.Equal(text.Length, host.Recorder.Deliveries.Single().Length);
        var container = host.Container(BlobPayloadStore.ContainerName);
        Assert.True((await container.ExistsAsync()).Value);
        await Eventually.GetAsync(async () => await container.GetBlobsAsync().CountAsync(), count => count == 0);
    }

    [Fact]
    public async Task Send_UnregisteredType_Throws()
    {
        await using var host = await RuntimeHost.StartAsync(s => s.AddMessageHandler<Ping, RecordingHandler>(Queue));

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Sender.SendAsync(new OutgoingMessage(Queue, new Blocked("b1")), CancellationToken.None));
    }
}
