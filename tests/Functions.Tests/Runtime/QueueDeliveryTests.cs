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
        await Task.Delay(500);
        Assert.Single(host.Recorder.Deliveries);
    }

    [Fact]
    public async Task Send_VisibleInTwoSeconds_NotDeliveredBeforeButAfter()
    {
        await using var host = await RuntimeHost.StartAsync(s => s.AddMessageHandler<Ping, RecordingHandler>(Queue));
        var sentAt = DateTime.UtcNow;

        await host.Sender.SendAsync(new OutgoingMessage(Queue, new Ping("m1", "later"), host.Clock.GetUtcNow().AddSeconds(2)), CancellationToken.None);

        await Task.Delay(1000);
        Assert.Empty(host.Recorder.Deliveries);
        await Eventually.WaitAsync(() => host.Recorder.Deliveries.Count == 1);
        Assert.True(host.Recorder.Deliveries.Single().ReceivedAt - sentAt >= TimeSpan.FromSeconds(1.9));
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
