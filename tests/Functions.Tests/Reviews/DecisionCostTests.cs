using System.Net.Http.Json;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReadApi;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

/// <summary>
/// What a decision costs in storage calls: the target's item by a point read (and its sub-items by one range read when
/// it has any), the commit; then the System Log feed the commit's outbox carries, dispatched from the rows the commit
/// wrote (no read of the outbox), and one point read of the audit row it copies. No read of the header: this host
/// committed the review last (its activation), so the decision commits under that header's ETag.
/// </summary>
public sealed class DecisionCostTests
{
    [Theory]
    [InlineData("false", "Slack", false, 1, 0)]
    [InlineData("false", "AWS Console", false, 1, 1)]
    [InlineData("false", "AWS Console", true, 2, 1)]
    [InlineData("true", "AWS Console", false, 0, 0)]
    public async Task Decide_StorageCalls_TargetThenCommit(string itemCache, string app, bool subItem, int pointReads, int rangeReads)
    {
        var calls = new CallCounter();
        using var host = new ApiHost(new Dictionary<string, string?> { ["Reviews:ItemCache"] = itemCache }, services: s => s.Decorate<IPartitionStores>((inner, _) => calls.Wrap(inner)));
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var id = await CreateActiveAsync(admin);
        var reviewer = host.As(TestInventory.ReviewerA);
        var items = (await GetAsync(reviewer, $"{My}/{id}/accesses")).GetProperty("data").EnumerateArray();
        var item = items.Single(i => i.GetProperty("name").GetString() == app).GetProperty("id").GetString()!;
        var target = subItem ? Ids(await GetAsync(reviewer, $"{My}/{id}/accesses/{item}/sub-accesses"))[0] : item;

        await host.Services.QuietAsync();
        calls.Reset();
        var response = await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{target}/actions", new { type = "REVOKE_ACCESS" });

        Assert.True(response.IsSuccessStatusCode);
        await host.Services.QuietAsync();
        Assert.Equal((pointReads + 1, rangeReads, 1), (calls.PointReads, calls.RangeReads, calls.Commits));
    }

    private sealed class CallCounter
    {
        private int pointReads;
        private int rangeReads;
        private int commits;

        public int PointReads => Volatile.Read(ref pointReads);

        public int RangeReads => Volatile.Read(ref rangeReads);

        public int Commits => Volatile.Read(ref commits);

        public void Reset() => (pointReads, rangeReads, commits) = (0, 0, 0);

        public IPartitionStores Wrap(IPartitionStores inner) => PartitionStoreDecorator.Around(inner, store => new Counting(store, this));

        private sealed class Counting(IPartitionStore inner, CallCounter counter) : PartitionStoreDecorator(inner)
        {
            public override Task<Row?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref counter.pointReads);
                return Inner.GetAsync(partitionKey, rowKey, cancellationToken);
            }

            public override Task<IReadOnlyList<Row>> ReadPrefixAsync(string? partitionKey, string rowPrefix, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref counter.rangeReads);
                return Inner.ReadPrefixAsync(partitionKey, rowPrefix, cancellationToken);
            }

            public override Task<IReadOnlyList<Row>> ReadRangeAsync(string partitionKey, string fromRowKey, string toRowKey, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref counter.rangeReads);
                return Inner.ReadRangeAsync(partitionKey, fromRowKey, toRowKey, cancellationToken);
            }

            public override Task<IReadOnlyList<string>> WriteAtomicallyAsync(IReadOnlyList<RowChange> changes, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref counter.commits);
                return Inner.WriteAtomicallyAsync(changes, cancellationToken);
            }
        }
    }
}
