using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Functions.Runtime.Queues;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AccessReviewFunctions.Functions.Tests.Runtime;

/// <summary>Deadlines before bulk work: an urgent queue's backlog holds back this instance's other listeners.</summary>
public sealed class QueuePriorityTests
{
    private const string Urgent = "urgent";
    private const string Bulk = "bulk";

    [Fact]
    public async Task UrgentQueueBacklogged_OtherListenerFetchesNothingUntilItClears()
    {
        await using var host = await StartWithBacklogAsync(maxYield: "00:05:00");
        var activity = host.Services.Activity();

        await host.Sender.SendAsync(new OutgoingMessage(Bulk, new Ping("p1", "bulk work")), CancellationToken.None);

        // The urgent listener took a full batch of 2 (4 more wait), so the bulk listener holds back its next fetch.
        await Eventually.WaitAsync(() => activity.Queue(Bulk).Yields >= 1);
        Assert.Equal(0, activity.Queue(Bulk).Received);
        Assert.Empty(host.Recorder.Deliveries);

        host.Recorder.Gate.SetResult();
        await Eventually.WaitAsync(() => host.Recorder.Deliveries.Any(d => d.MessageId == "p1"));
        Assert.Equal(6, host.Recorder.Deliveries.Count(d => d.MessageId.StartsWith('b')));
        Assert.True(host.Services.GetRequiredService<MessageRegistry>().IsUrgent(Urgent));
    }

    [Fact]
    public async Task UrgentBacklogOutlastsMaxYield_OtherListenerFetchesAnyway()
    {
        await using var host = await StartWithBacklogAsync(maxYield: "00:00:01");
        var activity = host.Services.Activity();

        await host.Sender.SendAsync(new OutgoingMessage(Bulk, new Ping("p1", "bulk work")), CancellationToken.None);

        // The backlog stays (the gate is shut), yet after MaxYield the bulk message is handled: bulk work never starves.
        await Eventually.WaitAsync(() => host.Recorder.Deliveries.Any(d => d.MessageId == "p1"));
        Assert.True(activity.Queue(Bulk).Yields >= 1);
        Assert.Equal(2, host.Recorder.Running);
        host.Recorder.Gate.SetResult();
    }

    [Fact]
    public async Task MaxYieldZero_PriorityOff_OtherListenerNeverHoldsBack()
    {
        await using var host = await StartWithBacklogAsync(maxYield: "00:00:00");

        await host.Sender.SendAsync(new OutgoingMessage(Bulk, new Ping("p1", "bulk work")), CancellationToken.None);

        await Eventually.WaitAsync(() => host.Recorder.Deliveries.Any(d => d.MessageId == "p1"));
        Assert.Equal(0, host.Services.Activity().Queue(Bulk).Yields);
        host.Recorder.Gate.SetResult();
    }

    /// <summary>
    /// A host whose urgent queue already holds 6 gated messages when its listeners start (a host without listeners sent
    /// them), so its first receive comes back full (batch size 2) and the queue has a backlog from then on.
    /// </summary>
    private static async Task<RuntimeHost> StartWithBacklogAsync(string maxYield)
    {
        await using var sender = await RuntimeHost.StartAsync(Handlers, new Dictionary<string, string?> { ["Runtime:Listeners"] = "false" });
        for (var i = 0; i < 6; i++)
        {
            await sender.Sender.SendAsync(new OutgoingMessage(Urgent, new Blocked($"b{i}")), CancellationToken.None);
        }

        var host = await RuntimeHost.StartAsync(
            Handlers,
            new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:queues:batchSize"] = "2", ["Runtime:MaxYield"] = maxYield },
            sender.Prefix);
        await Eventually.WaitAsync(() => host.Recorder.Running == 2);
        return host;
    }

    private static void Handlers(IServiceCollection services) =>
        services.AddMessageHandler<Blocked, GatedHandler>(Urgent).AddUrgentQueue(Urgent).AddMessageHandler<Ping, RecordingHandler>(Bulk);
}
