using AccessReviewFunctions.Functions.Runtime.Queues;
using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Tests.Runtime;

public sealed class HostSettingsTests
{
    private const string Queue = "work";

    [Fact]
    public void QueueOptions_HostJson_ReadWithTestOverrides()
    {
        using var host = new ApiHost();

        var options = host.Services.GetRequiredService<IOptions<QueueOptions>>().Value;

        Assert.Equal((16, 8, 5), (options.BatchSize, options.EffectiveNewBatchThreshold, options.MaxDequeueCount));
        Assert.Equal(TimeSpan.FromMilliseconds(200), options.MaxPollingInterval);
    }

    [Fact]
    public async Task Listener_BatchSizeTwoAndThresholdZero_RunsAtMostTwoAtOnce()
    {
        var prefix = "b" + Guid.NewGuid().ToString("N")[..10];
        using (var tool = new ApiHost(new Dictionary<string, string?> { ["Storage:Prefix"] = prefix, ["Runtime:Listeners"] = "false" })
            .WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<Recorder>().AddMessageHandler<Blocked, GatedHandler>(Queue))))
        {
            var sender = tool.Services.GetRequiredService<IMessageSender>();
            for (var i = 0; i < 5; i++)
            {
                await sender.SendAsync(new OutgoingMessage(Queue, new Blocked($"b{i}")), CancellationToken.None);
            }
        }

        using var factory = new ApiHost(new Dictionary<string, string?>
        {
            ["Storage:Prefix"] = prefix,
            ["AzureFunctionsJobHost:extensions:queues:batchSize"] = "2",
            ["AzureFunctionsJobHost:extensions:queues:newBatchThreshold"] = "0",
        }).WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<Recorder>().AddMessageHandler<Blocked, GatedHandler>(Queue)));
        var recorder = factory.Services.GetRequiredService<Recorder>();
        var activity = factory.Services.Activity();

        // Two taken, and the listener waits for one of them to finish before it fetches again.
        await Eventually.WaitAsync(() => recorder.Running == 2 && activity.Queue(Queue).CapacityWaits > 0);
        Assert.Equal(2, activity.Queue(Queue).Received);
        Assert.Equal(2, recorder.MaxRunning);
        recorder.Gate.SetResult();
        await Eventually.WaitAsync(() => recorder.Deliveries.Count == 5);
        Assert.Equal(2, recorder.MaxRunning);
        Assert.Equal(5, activity.Queue(Queue).Received);
    }

    [Fact]
    public async Task Listener_MaxDequeueCountTwo_PoisonedAfterTwoAttempts()
    {
        using var factory = new ApiHost(new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2" })
            .WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<Recorder>()
                .AddMessageHandler<Ping, FailingHandler>(Queue)
                .AddPoisonHandler<Ping, RecordingPoisonHandler>()));
        var recorder = factory.Services.GetRequiredService<Recorder>();

        await factory.Services.GetRequiredService<IMessageSender>().SendAsync(new OutgoingMessage(Queue, new Ping("m1", "x")), CancellationToken.None);

        await Eventually.WaitAsync(() => !recorder.Poisoned.IsEmpty, TimeSpan.FromSeconds(20));
        Assert.Equal([1, 2], recorder.Deliveries.Select(d => d.DequeueCount));
        var prefix = factory.Services.GetRequiredService<AccessReviewFunctions.Functions.Storage.StorageNames>();
        var poison = factory.Services.GetRequiredService<AccessReviewFunctions.Functions.Storage.StorageClients>().Queues.GetQueueClient(prefix.Queue(QueueNames.Poison(Queue)));
        Assert.NotNull(await poison.PeekJsonAsync());
    }

    [Fact]
    public async Task Listener_ListenersSettingFalse_NeverPollsAndTheMessageStays()
    {
        using var factory = new ApiHost(new Dictionary<string, string?> { ["Runtime:Listeners"] = "false" })
            .WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<Recorder>().AddMessageHandler<Ping, RecordingHandler>(Queue)));
        var recorder = factory.Services.GetRequiredService<Recorder>();

        await factory.Services.GetRequiredService<IMessageSender>().SendAsync(new OutgoingMessage(Queue, new Ping("m1", "x")), CancellationToken.None);

        // The listener returns at start without polling, so nothing can take the message later.
        var listener = factory.Services.GetServices<IHostedService>().OfType<QueueListener>().Single(l => l.QueueName == Queue);
        await listener.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Empty(factory.Services.Activity().Queues);
        Assert.Equal(0, factory.Services.Activity().Queue(Queue).Polls);
        var names = factory.Services.GetRequiredService<AccessReviewFunctions.Functions.Storage.StorageNames>();
        var queue = factory.Services.GetRequiredService<AccessReviewFunctions.Functions.Storage.StorageClients>().Queues.GetQueueClient(names.Queue(Queue));
        Assert.Equal("m1", (await queue.PeekJsonAsync())!.Value.GetProperty("id").GetString());
        Assert.Empty(recorder.Deliveries);
    }
}
