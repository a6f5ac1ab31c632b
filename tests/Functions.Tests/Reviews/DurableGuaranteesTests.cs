using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Risk;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

public sealed class DurableGuaranteesTests
{
    /// <summary>
    /// Only the durable timer can close a review: the sweeper, its safety net, never runs. Timers are armed at create
    /// for any end within 60 days (rather than an hour), so these tests see the hops of long timers.
    /// </summary>
    private static readonly Dictionary<string, string?> TimerOnly = new()
    {
        [ApiHost.SweeperSchedule] = ApiHost.Never,
        [EndTimerHorizon.Setting] = "60.00:00:00",
    };

    [Fact]
    public async Task EndTimer_ThirtyDays_ReArmsThenClosesWhenTheClockGetsThere()
    {
        var sent = new SentMessages();
        using var host = new ApiHost(new Dictionary<string, string?>(TimerOnly) { ["Runtime:MaxTimerHop"] = "00:00:00.500" }, services: sent.Record);
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var endTime = host.Clock.GetUtcNow().AddDays(30);
        var id = (await CreateAsync(admin, Body(endTime: endTime.ToString("O")))).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");

        // Each 0.5 s hop arrives before the end time and arms the next, for the same end time.
        await Eventually.GetAsync(() => Task.FromResult(sent.Of<ReviewEndTimer>().Count), sends => sends >= 4, what: "the timer to re-arm three times");
        var hops = sent.Of<ReviewEndTimer>();
        Assert.Equal([0, 1, 2, 3], hops.Take(4).Select(t => t.Hop));
        Assert.All(hops, t => Assert.Equal((id, endTime), (t.ReviewId, t.DueAt)));
        Assert.Equal("ACTIVE", (await GetAsync(admin, $"{Admin}/{id}")).GetProperty("status").GetString());
        host.Clock.Advance(TimeSpan.FromDays(30));

        await WaitForStatusAsync(admin, id, "CLOSED");
        var history = (await GetAsync(admin, $"{Admin}/{id}/history")).GetProperty("data");
        var closed = history.EnumerateArray().Last();
        Assert.Equal("closed the review: the end time was reached", closed.GetProperty("message").GetString());
        Assert.True(closed.GetProperty("systemGenerated").GetBoolean());
        Assert.Equal(0, host.Services.Activity().Timer("sweeper").Runs);
    }

    [Fact]
    public async Task Sweeper_TimerMessageNotYetVisible_ClosesOverdueReviewOnce()
    {
        using var host = new ApiHost();
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");

        host.Clock.Advance(TimeSpan.FromDays(8));

        await WaitForStatusAsync(admin, id, "CLOSED");
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await host.Services.QuietAsync();
        Assert.Equal(2, host.Services.Activity().Timer("sweeper").Runs);
        Assert.Single(await HistoryAsync(admin, id), m => m.StartsWith("closed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Redelivery_EarlyTimerMessageTwice_ReArmsOnceThenClosesOnce()
    {
        var sent = new SentMessages();
        using var host = new ApiHost(TimerOnly, services: sent.Record);
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var created = await CreateAsync(admin, Body());
        var id = created.GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        var sender = host.Services.GetRequiredService<IMessageSender>();
        var endTime = created.GetProperty("endTime").GetDateTimeOffset();
        var activity = host.Services.Activity();

        // The create's timer (hop 0) delivered twice before its end time, one delivery after the other.
        for (var delivery = 1; delivery <= 2; delivery++)
        {
            await sender.SendAsync(new OutgoingMessage(ReviewQueues.Control, new ReviewEndTimer(id, endTime)), CancellationToken.None);
            await host.Services.QuietAsync();
            Assert.Equal(delivery, activity.Queue(ReviewQueues.Control).Completed);
        }

        // The first delivery armed hop 1; the second found its message id processed and armed nothing.
        Assert.Single(sent.Of<ReviewEndTimer>(), t => t.Hop == 1);
        Assert.Equal("ACTIVE", (await GetAsync(admin, $"{Admin}/{id}")).GetProperty("status").GetString());
        host.Clock.Advance(TimeSpan.FromDays(7));
        var hop = new OutgoingMessage(ReviewQueues.Control, new ReviewEndTimer(id, endTime, 1));
        await sender.SendAsync(hop, CancellationToken.None);
        await sender.SendAsync(hop, CancellationToken.None);

        await WaitForStatusAsync(admin, id, "CLOSED");
        await host.Services.QuietAsync();
        Assert.Equal(4, activity.Queue(ReviewQueues.Control).Completed);
        Assert.Single(await HistoryAsync(admin, id), m => m.StartsWith("closed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Updater_SameCausingMessageTwice_AppliesOnce()
    {
        using var host = new ApiHost();
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        var updater = host.Services.GetRequiredService<ReviewUpdater>();

        for (var i = 0; i < 2; i++)
        {
            await updater.UpdateAsync(id, r => ReviewChange.Of(r.JoinRiskEvent(host.Clock.GetUtcNow(), "user.risk.detect", "event-once")), "message-1", CancellationToken.None);
        }

        Assert.Single(await HistoryAsync(admin, id), m => m.Contains("event-once", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handler_ThrowsAfterStateWriteBeforeDispatch_DispatchesOnRetry()
    {
        var flaky = new FlakyOutbox();
        using var host = new ApiHost(
            new Dictionary<string, string?>(TimerOnly) { [ApiHost.OutboxSchedule] = ApiHost.Never, ["Runtime:MaxTimerHop"] = "00:00:00.500" },
            services: s => s.Decorate<IOutboxDispatcher>((inner, _) => flaky.Wrap(inner)));
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");

        // A hop's commit re-arms the timer, then its dispatch fails: only the hop's redelivery can send the next hop.
        flaky.FailNext(1);
        await Eventually.GetAsync(() => Task.FromResult(flaky.Failures), f => f == 1, what: "the re-armed timer's dispatch to fail");
        host.Clock.Advance(TimeSpan.FromDays(7));

        await WaitForStatusAsync(admin, id, "CLOSED");
    }

    [Fact]
    public async Task Create_DispatchFailsAfterCommit_OutboxJobSendsTheStrandedMessages()
    {
        var flaky = new FlakyOutbox();
        using var host = new ApiHost(services: s => s.Decorate<IOutboxDispatcher>((inner, _) => flaky.Wrap(inner)));
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        flaky.FailNext(5);

        // The first send and its four tries again in the background fail: the rows wait for the outbox job.
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await host.Services.QuietAsync(TimeSpan.FromSeconds(40));
        Assert.Equal(5, flaky.Failures);
        Assert.Equal(0, host.Services.Activity().Queue(ReviewQueues.Work).Received);
        Assert.Equal("PENDING", (await GetAsync(admin, $"{Admin}/{id}")).GetProperty("status").GetString());
        host.Clock.Advance(TimeSpan.FromMinutes(2));

        await WaitForStatusAsync(admin, id, "ACTIVE");
    }

    [Fact]
    public async Task Gathering_FailsEveryTime_ReviewBecomesErrorWithReason()
    {
        using var host = new ApiHost(
            new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2" },
            services: s => s.Decorate<IInventoryStore>((inner, _) => new BrokenAccessInventory(inner)));
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();

        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;

        await WaitForStatusAsync(admin, id, "ERROR");
        var history = await HistoryAsync(admin, id);
        Assert.Contains(history, m => m.StartsWith("data gathering failed:", StringComparison.Ordinal) && m.Contains("inventory offline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sweeper_PendingRejectionsMessageLost_SendsItAgainAndRowsCatchUp()
    {
        var dropped = 0;
        using var host = new ApiHost(services: s => s.Decorate<IMessageSender>((inner, _) => new DroppingSender<ApplyPendingDecisions>(inner, () => Interlocked.Increment(ref dropped))));
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var body = new
        {
            principalId = TestInventory.Target, name = "Lost work", expirationBehavior = "AUTO_REJECT_INCOMPLETE",
            reviewerSettings = new { type = "USER", userSettings = new { includedUserIds = new[] { TestInventory.ReviewerA } } },
        };
        var id = (await CreateAsync(admin, body)).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");

        host.Clock.Advance(TimeSpan.FromDays(8));
        await WaitForStatusAsync(admin, id, "CLOSED");
        await Eventually.GetAsync(() => Task.FromResult(Volatile.Read(ref dropped)), d => d == 1, what: "the work item that writes the rejected rows to be dropped");

        // Readers see the rejections with their history from the close on; only the stored rows wait for the work item.
        Assert.Contains("automatically revoked 3 undecided access items at the end time", await HistoryAsync(admin, id));
        Assert.All(await AccessesApi.ItemsAsync(admin, id), i => Assert.True(i.Revoked));
        // The API reads through the pending decision on the header: only the stored rows show the work item's progress.
        Assert.All((await host.Services.StoredAccessAsync(id)).Items, i => Assert.Null(i.Decision));
        host.Clock.Advance(TimeSpan.FromSeconds(15));

        await Eventually.GetAsync(() => host.Services.StoredAccessAsync(id), rows => rows.Items.All(i => i.Revoked) && rows.SubItems.All(s => s.Revoked), what: "the re-sent work item to write the rows");
    }

    [Fact]
    public async Task Sweeper_GatheringMessageLost_SendsItAgainAfterTheGraceAndReviewActivates()
    {
        var dropped = 0;
        using var host = new ApiHost(
            new Dictionary<string, string?> { ["Reviews:SweeperGrace"] = "00:00:20" },
            services: s => s.Decorate<IMessageSender>((inner, _) => new DroppingSender<GatherAccess>(inner, () => Interlocked.Increment(ref dropped))));
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await Eventually.GetAsync(() => Task.FromResult(Volatile.Read(ref dropped)), d => d == 1, what: "the gathering work item to be dropped");

        host.Clock.Advance(TimeSpan.FromSeconds(15));
        await host.Services.QuietAsync();
        Assert.Equal("PENDING", (await GetAsync(admin, $"{Admin}/{id}")).GetProperty("status").GetString());
        host.Clock.Advance(TimeSpan.FromSeconds(15));

        await WaitForStatusAsync(admin, id, "ACTIVE");
        Assert.Single(await HistoryAsync(admin, id), m => m.StartsWith("gathered 3 access items", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gathering_TwoCopiesArriveWhileItRuns_GathersOnce()
    {
        // The sweeper re-sends gathering for a review PENDING longer than its grace, which a large principal outlasts:
        // both copies arrive while the first still reads the inventory.
        var reads = new SlowAccessReads();
        using var host = new ApiHost(services: s =>
        {
            s.Decorate<IMessageSender>((inner, _) => new TwiceSent<GatherAccess>(inner));
            s.Decorate<IInventoryStore>((inner, _) => new SlowAccessInventory(inner, reads));
        });
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();

        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;

        await WaitForStatusAsync(admin, id, "ACTIVE");
        await host.Services.QuietAsync();
        Assert.Equal(1, reads.Count);
        Assert.Single(await HistoryAsync(admin, id), m => m.StartsWith("gathered 3 access items", StringComparison.Ordinal));
    }

    /// <summary>Loses the first <typeparamref name="TMessage"/> sent, as a host that died holding it or a crash of the queue service would.</summary>
    private sealed class DroppingSender<TMessage>(IMessageSender inner, Func<int> dropped) : IMessageSender
    {
        private int seen;

        public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
            message.Message is TMessage && Interlocked.Increment(ref seen) == 1 && dropped() > 0
                ? Task.CompletedTask
                : inner.SendAsync(message, cancellationToken);
    }

    private sealed class BrokenAccessInventory(IInventoryStore inner) : InventoryStoreDecorator(inner)
    {
        public override Task<PrincipalAccess?> GetPrincipalAccessAsync(string principalId, CancellationToken cancellationToken) =>
            throw new IOException("inventory offline");
    }

    private sealed class SlowAccessReads
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Add() => Interlocked.Increment(ref count);
    }

    /// <summary>Counts the principal's access reads (one per gathering run) and holds each for a second, so copies overlap.</summary>
    private sealed class SlowAccessInventory(IInventoryStore inner, SlowAccessReads reads) : InventoryStoreDecorator(inner)
    {
        public override async Task<PrincipalAccess?> GetPrincipalAccessAsync(string principalId, CancellationToken cancellationToken)
        {
            reads.Add();
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return await base.GetPrincipalAccessAsync(principalId, cancellationToken);
        }
    }
}
