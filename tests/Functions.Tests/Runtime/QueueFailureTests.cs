using AccessReviewFunctions.Functions.Runtime.Queues;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using System.Collections.Concurrent;
using System.Text.Json;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Tests.Runtime;

public sealed class QueueFailureTests
{
    private const string Queue = "work";

    [Fact]
    public async Task Handle_FailsTwice_HiddenForDoublingDelaysAndSucceedsOnThirdTry()
    {
        var hides = new ConcurrentQueue<TimeSpan>();
        await using var host = await RuntimeHost.StartAsync(
            s => s.AddMessageHandler<Ping, FlakyHandler>(Queue).Decorate<IQueueTransport>((inner, _) => new HideRecorder(inner, hides)),
            new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00.300" });

        await host.Sender.SendAsync(new OutgoingMessage(Queue, new Ping("m1", "flaky")), CancellationToken.None);

        await Eventually.WaitAsync(() => host.Recorder.Deliveries.Count == 3);
        Assert.Equal([1, 2, 3], host.Recorder.Deliveries.Select(a => a.DequeueCount));
        Assert.Equal([TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(600)], hides);
        await Eventually.GetAsync(host.Queue(Queue).ApproximateCountAsync, count => count == 0);
        await host.Services.QuietAsync();
        Assert.Equal(3, host.Services.Activity().Queue(Queue).Completed);
        Assert.Null(await PeekPoisonAsync(host));
    }

    [Fact]
    public async Task Handle_FailsMaxDequeueCountTimes_MovedToPoisonAndPoisonHandlerCalledOnce()
    {
        await using var host = await RuntimeHost.StartAsync(
            s => s.AddMessageHandler<Ping, FailingHandler>(Queue).AddPoisonHandler<Ping, RecordingPoisonHandler>(),
            new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "3" });

        await host.Sender.SendAsync(new OutgoingMessage(Queue, new Ping("m1", "doomed")), CancellationToken.None);

        var poison = await Eventually.GetAsync(() => PeekPoisonAsync(host), p => p is not null, TimeSpan.FromSeconds(20));
        Assert.Equal("InvalidOperationException: downstream said no", poison!.Value.GetProperty("error").GetString());
        Assert.Equal(3, poison.Value.GetProperty("dequeueCount").GetInt32());
        Assert.Equal(host.Clock.GetUtcNow(), poison.Value.GetProperty("failedAt").GetDateTimeOffset());
        var original = JsonDocument.Parse(poison.Value.GetProperty("message").GetString()!).RootElement;
        Assert.Equal(("m1", "Ping"), (original.GetProperty("id").GetString(), original.GetProperty("type").GetString()));
        await Eventually.WaitAsync(() => !host.Recorder.Poisoned.IsEmpty);
        await Eventually.GetAsync(host.Queue(Queue).ApproximateCountAsync, count => count == 0);
        Assert.Equal([1, 2, 3], host.Recorder.Deliveries.Select(d => d.DequeueCount));
        var call = Assert.Single(host.Recorder.Poisoned);
        Assert.Equal(("m1", "InvalidOperationException: downstream said no"), call);
    }

    [Theory]
    [InlineData("{\"id\":\"m1\",\"type\":\"NoSuchType\",\"body\":{}}", "Unknown message type 'NoSuchType'")]
    [InlineData("not json at all", "Not a message envelope")]
    public async Task Handle_UnknownOrUnreadable_MovedStraightToPoison(string text, string expectedError)
    {
        await using var host = await RuntimeHost.StartAsync(s => s.AddMessageHandler<Ping, RecordingHandler>(Queue));
        var queue = host.Queue(Queue);
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync(text);

        var poison = await Eventually.GetAsync(() => PeekPoisonAsync(host), p => p is not null);
        Assert.Contains(expectedError, poison!.Value.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(text, poison.Value.GetProperty("message").GetString());
        Assert.Equal(1, poison.Value.GetProperty("dequeueCount").GetInt32());
        Assert.Empty(host.Recorder.Deliveries);
        await Eventually.GetAsync(queue.ApproximateCountAsync, count => count == 0);
    }

    private static Task<JsonElement?> PeekPoisonAsync(RuntimeHost host) => host.Queue(QueueNames.Poison(Queue)).PeekJsonAsync();
}
