using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Remediation;
using AccessReviewFunctions.Functions.Remediation.Connectors;
using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReadApi;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Remediation;

/// <summary>Revocations fanned out to a connector, durably and exactly once, and shown on every item and the review.</summary>
public sealed class RemediationFanOutTests
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Remediation:Enabled"] = "true",
        ["Remediation:RetryBaseDelay"] = "00:00:00.050",
        ["Remediation:RetryMaxDelay"] = "00:00:00.200",
    };

    [Fact]
    public async Task AutoReject_500Items20PercentTransient_EveryItemSucceededEachChangeAppliedOnce()
    {
        var downstream = new CountingConnector { Fail = (request, before) => before == 0 && Stable(request.AppId) % 5 == 0 ? RemediationOutcome.Transient("503 Service Unavailable") : null };
        using var host = Host(downstream);
        var (admin, id) = await RemediationScenario.ActiveReviewAsync(host, 500, new { expirationBehavior = "AUTO_REJECT_INCOMPLETE" });

        host.Clock.Advance(TimeSpan.FromDays(8));
        await WaitForStatusAsync(admin, id, "CLOSED");
        var counts = (await RemediationApi.SettledAsync(admin, id, TimeSpan.FromMinutes(3)))!.Value;

        var items = await RemediationApi.ItemsAsync(admin, id);
        Assert.Equal(500, items.Count);
        Assert.All(items, i => Assert.Equal(("REVOKE", "SUCCEEDED"), (i.Kind, i.Status)));
        Assert.Equal(100, downstream.Injected);
        Assert.Equal(100, items.Count(i => i.Attempts == 2));
        Assert.Equal(500, downstream.Applied.Count);
        Assert.Equal(500, downstream.Applied.Values.Select(r => r.AppId).Distinct().Count());
        Assert.All(downstream.Applied.Values, r => Assert.Equal(RemediationRequest.Application, r.ResourceType));
        Assert.Equal(downstream.Applied.Keys.Order(StringComparer.Ordinal), downstream.Calls.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((600, 0), (downstream.Calls.Values.Sum(), downstream.Repeats));
        Assert.Equal((0, 0, 500, 0), (counts.GetProperty("pending").GetInt32(), counts.GetProperty("inProgress").GetInt32(), counts.GetProperty("succeeded").GetInt32(), counts.GetProperty("failed").GetInt32()));
    }

    [Fact]
    public async Task Revoke_OnePermanentFailure_ThatItemFailedWithReasonTheOthersSucceed()
    {
        var downstream = new CountingConnector { Fail = (request, _) => request.AppId == RemediationInventory.App(2) ? RemediationOutcome.Permanent("403 Forbidden") : null };
        using var host = Host(downstream);
        var (admin, id) = await RemediationScenario.ActiveReviewAsync(host, 5);
        var reviewer = host.As(TestInventory.ReviewerA);

        foreach (var item in await RemediationApi.ItemsAsync(admin, id))
        {
            Assert.True((await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{item.Id}/actions", new { type = "REVOKE_ACCESS" })).IsSuccessStatusCode);
        }

        await RemediationApi.SettledAsync(admin, id);
        var items = await RemediationApi.ItemsAsync(reviewer, id, My);
        var failed = Assert.Single(items, i => i.Status == "FAILED");
        Assert.Equal((RemediationInventory.App(2), 1, "403 Forbidden"), (failed.AppId, failed.Attempts, failed.LastError));
        Assert.Equal(4, items.Count(i => i.Status == "SUCCEEDED" && i.Result == "removed"));
        await host.Services.QuietAsync(); // the System Log table is filled through the outbox
        var logs = await GetAsync(admin, $"/api/v1/logs?since=2026-01-01T00:00:00Z&filter={Q("eventType eq \"access.review.remediate\"")}");
        var outcomes = logs.EnumerateArray().Select(e => (e.GetProperty("outcome").GetProperty("result").GetString(), e.GetProperty("outcome").GetProperty("reason").GetString())).ToList();
        Assert.Equal(4, outcomes.Count(o => o == ("SUCCESS", "removed")));
        Assert.Equal([("FAILURE", "403 Forbidden")], outcomes.Where(o => o.Item1 == "FAILURE"));
    }

    [Fact]
    public async Task CommitFailsAfterTheCalls_RedeliveredWorkItem_CallsAgainWithTheSameKeysAndAppliesNothingTwice()
    {
        var downstream = new CountingConnector();
        var crash = new FailFirstRemediationCommit();
        using var host = Host(downstream, s => s.Decorate<IPartitionStores>((inner, _) => PartitionStoreDecorator.Around(inner, store => new CrashingStore(store, crash))));
        var (admin, id) = await RemediationScenario.ActiveReviewAsync(host, 10, new { expirationBehavior = "AUTO_REJECT_INCOMPLETE" });

        host.Clock.Advance(TimeSpan.FromDays(8));
        await RemediationApi.SettledAsync(admin, id);

        Assert.Equal(1, crash.Failed);
        Assert.All(await RemediationApi.ItemsAsync(admin, id), i => Assert.Equal("SUCCEEDED", i.Status));
        Assert.Equal(10, downstream.Applied.Count);
        Assert.Equal(downstream.Applied.Keys.Order(StringComparer.Ordinal), downstream.Calls.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(10, downstream.Repeats);
        Assert.All(downstream.Calls.Values, n => Assert.Equal(2, n));
    }

    [Fact]
    public async Task InventoryConnector_RevokeGroupThenItsAppThenRestoreAll_PutsBackExactlyWhatWasRevokedInReverse()
    {
        using var host = new ApiHost(FastRetries);
        var (admin, id) = await RemediationScenario.ActiveReviewAsync(host, 3);
        var grants = host.Services.GetRequiredService<IGrantStore>();
        var before = await GrantsAsync(grants, 3);
        var reviewer = host.As(TestInventory.ReviewerA);
        var items = (await RemediationApi.ItemsAsync(admin, id)).OrderBy(i => i.AppId, StringComparer.Ordinal).ToList();
        var group = Ids(await GetAsync(reviewer, $"{My}/{id}/accesses/{items[1].Id}/sub-accesses")).Single();

        Assert.True((await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{group}/actions", new { type = "REVOKE_ACCESS" })).IsSuccessStatusCode);
        await RemediationApi.SettledAsync(admin, id);
        Assert.Empty((await grants.GetGrantAsync(TestInventory.Target, RemediationInventory.App(1), CancellationToken.None))!.GroupIds);
        var sub = (await GetAsync(admin, $"{Admin}/{id}/accesses/{items[1].Id}/sub-accesses")).GetProperty("data")[0].GetProperty("remediation");
        Assert.Equal(("REVOKE", "SUCCEEDED"), (sub.GetProperty("kind").GetString(), sub.GetProperty("status").GetString()));
        Assert.True((await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{items[0].Id}/actions", new { type = "REVOKE_ACCESS" })).IsSuccessStatusCode);
        Assert.True((await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{items[1].Id}/actions", new { type = "REVOKE_ACCESS" })).IsSuccessStatusCode);
        await RemediationApi.SettledAsync(admin, id);
        Assert.Equal(["none", "none", Describe(before)[2]], Describe(await GrantsAsync(grants, 3)));

        Assert.True((await reviewer.PostAsJsonAsync($"{My}/{id}/actions", new { actionType = "RESTORE_ALL_ACCESS" })).IsSuccessStatusCode);
        await RemediationApi.SettledAsync(admin, id);

        // App 1 comes back whole first (its later removal), then the group removed before it: the grant as it was.
        Assert.Equal(Describe(before), Describe(await GrantsAsync(grants, 3)));
        var shown = (await RemediationApi.ItemsAsync(admin, id)).OrderBy(i => i.AppId, StringComparer.Ordinal).ToList();
        Assert.Equal([("RESTORE", "SUCCEEDED", "restored"), ("RESTORE", "SUCCEEDED", "restored"), (null, null, null)], shown.Select(i => (i.Kind, i.Status, i.Result)));
        var restoredSub = (await GetAsync(admin, $"{Admin}/{id}/accesses/{items[1].Id}/sub-accesses")).GetProperty("data")[0].GetProperty("remediation");
        Assert.Equal(("RESTORE", "SUCCEEDED"), (restoredSub.GetProperty("kind").GetString(), restoredSub.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task FlagForManualRemediationThenRestoration_NoConnectorCall_ManualUntilAnAdminMarksItFixed()
    {
        var downstream = new CountingConnector();
        using var host = Host(downstream);
        var (admin, id) = await RemediationScenario.ActiveReviewAsync(host, 2);
        var reviewer = host.As(TestInventory.ReviewerA);
        var items = (await RemediationApi.ItemsAsync(admin, id)).OrderBy(i => i.AppId, StringComparer.Ordinal).ToList();

        Assert.Equal(HttpStatusCode.Accepted, (await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{items[0].Id}/actions", new { type = "FLAG_FOR_MANUAL_REMEDIATION" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{items[1].Id}/actions", new { type = "REVOKE_ACCESS" })).StatusCode);
        await Eventually.GetAsync(() => RemediationApi.ItemsAsync(admin, id), shown => shown.Any(i => i.Status == "SUCCEEDED"), what: "the automatic revoke done");
        await host.Services.QuietAsync();

        var flagged = await ManualAsync(admin, id, items[0].Id);
        Assert.Equal(("REVOKE", "PENDING", 0, true), flagged);
        Assert.Equal([RemediationInventory.App(1)], downstream.Applied.Values.Select(r => r.AppId));
        Assert.Equal([1], downstream.Calls.Values);
        var counts = (await RemediationApi.CountsAsync(admin, id))!.Value;
        Assert.Equal((1, 1, 0), (counts.GetProperty("pending").GetInt32(), counts.GetProperty("succeeded").GetInt32(), counts.GetProperty("fixed").GetInt32()));
        Assert.False(counts.TryGetProperty("completedAt", out _));

        var remediationId = (await RemediationApi.ItemsAsync(admin, id)).Single(i => i.Id == items[0].Id).RemediationId;
        var succeed = await admin.PostAsJsonAsync($"/api/v1/remediations/{remediationId}/status", new { status = "SUCCEED" });
        Assert.Equal(HttpStatusCode.BadRequest, succeed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/remediations/{remediationId}/status", new { status = "FIXED" })).StatusCode);
        counts = (await RemediationApi.SettledAsync(admin, id))!.Value;
        Assert.Equal((0, 1, 1), (counts.GetProperty("pending").GetInt32(), counts.GetProperty("succeeded").GetInt32(), counts.GetProperty("fixed").GetInt32()));
        Assert.Equal(("REVOKE", "FIXED", 0, true), await ManualAsync(admin, id, items[0].Id));

        Assert.Equal(HttpStatusCode.Accepted, (await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{items[0].Id}/actions", new { type = "FLAG_FOR_MANUAL_RESTORATION" })).StatusCode);
        await host.Services.QuietAsync();
        Assert.Equal(("RESTORE", "PENDING", 0, true), await ManualAsync(admin, id, items[0].Id));
        var restoreId = (await RemediationApi.ItemsAsync(admin, id)).Single(i => i.Id == items[0].Id).RemediationId;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/remediations/{restoreId}/status", new { status = "FIXED" })).StatusCode);
        await RemediationApi.SettledAsync(admin, id);
        Assert.Equal(("RESTORE", "FIXED", 0, true), await ManualAsync(admin, id, items[0].Id));
        Assert.Equal([1], downstream.Calls.Values);
        await host.Services.QuietAsync();
        var logs = await GetAsync(admin, $"/api/v1/logs?since=2026-01-01T00:00:00Z&filter={Q("eventType eq \"access.review.remediate\"")}");
        Assert.Equal(3, logs.GetArrayLength());
    }

    [Fact]
    public async Task WorkItemSentTwice_BothCopiesRunAtOnce_EachChangeCalledOnce()
    {
        var downstream = new CountingConnector { Delay = TimeSpan.FromMilliseconds(300) };
        using var host = Host(downstream, s => s.Decorate<IMessageSender>((inner, _) => new TwiceSent<RemediateAccess>(inner)));
        var (admin, id) = await RemediationScenario.ActiveReviewAsync(host, 6);
        var reviewer = host.As(TestInventory.ReviewerA);

        foreach (var item in await RemediationApi.ItemsAsync(admin, id))
        {
            Assert.True((await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{item.Id}/actions", new { type = "REVOKE_ACCESS" })).IsSuccessStatusCode);
        }

        await RemediationApi.SettledAsync(admin, id);
        Assert.All(await RemediationApi.ItemsAsync(admin, id), i => Assert.Equal(("SUCCEEDED", "removed", 1), (i.Status, i.Result, i.Attempts)));
        Assert.Equal(6, downstream.Calls.Count);
        Assert.All(downstream.Calls.Values, n => Assert.Equal(1, n));
    }

    private static ApiHost Host(CountingConnector downstream, Action<IServiceCollection>? more = null) =>
        new(new Dictionary<string, string?>(FastRetries) { ["Remediation:DefaultConnector"] = downstream.Name }, services: s =>
        {
            s.AddSingleton<IRemediationConnector>(downstream);
            more?.Invoke(s);
        });

    private static async Task<List<Domain.Inventory.Grant?>> GrantsAsync(IGrantStore grants, int apps) =>
        [.. await Task.WhenAll(Enumerable.Range(0, apps).Select(i => grants.GetGrantAsync(TestInventory.Target, RemediationInventory.App(i), CancellationToken.None)))];

    private static List<string> Describe(List<Domain.Inventory.Grant?> grants) =>
        [.. grants.Select(g => g is null ? "none" : $"{g.AppId} {g.AssignmentType} {g.AssignedDate:O} {string.Join(',', g.GroupIds)} {string.Join(',', g.EntitlementValueIds)} {string.Join(',', g.BundleIds)}")];

    private static async Task<(string? Kind, string? Status, int Attempts, bool Manual)> ManualAsync(HttpClient admin, string id, string itemId)
    {
        var (page, _) = await GetPageAsync(admin, $"{Admin}/{id}/accesses?limit=200");
        var remediation = page.GetProperty("data").EnumerateArray().Single(i => i.GetProperty("id").GetString() == itemId).GetProperty("remediation");
        return (remediation.GetProperty("kind").GetString(), remediation.GetProperty("status").GetString(), remediation.GetProperty("attempts").GetInt32(),
            remediation.TryGetProperty("manual", out var manual) && manual.GetBoolean());
    }

    private static int Stable(string text) => text.Sum(c => c);

    /// <summary>Fails the first commit of a remediation work item, after its calls were made: the crash before the acknowledgement.</summary>
    private sealed class FailFirstRemediationCommit
    {
        private int failed;

        public int Failed => Volatile.Read(ref failed);

        public bool ShouldFail(IReadOnlyList<RowChange> changes) =>
            changes.Any(c => c.Row.RowKey.StartsWith(DurableRows.ProcessedPrefix, StringComparison.Ordinal) && c.Row.RowKey.Contains(".rem.", StringComparison.Ordinal))
            && Interlocked.CompareExchange(ref failed, 1, 0) == 0;
    }

    private sealed class CrashingStore(IPartitionStore inner, FailFirstRemediationCommit crash) : PartitionStoreDecorator(inner)
    {
        public override Task<IReadOnlyList<string>> WriteAtomicallyAsync(IReadOnlyList<RowChange> changes, CancellationToken cancellationToken) =>
            crash.ShouldFail(changes) ? throw new IOException("the host died before the commit") : base.WriteAtomicallyAsync(changes, cancellationToken);
    }
}
