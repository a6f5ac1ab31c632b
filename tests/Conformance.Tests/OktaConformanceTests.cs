using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AccessReviewFunctions.Conformance.Tests;

/// <summary>
/// Every operation of Okta's description of security access reviews, admin and "my", driven through the real host on
/// Azurite as a generated client would call it: success, and each error the operation can meet (400, 401, 403, 404,
/// 429). Each response's status must be one the operation declares and its body must match the declared schema.
/// </summary>
public sealed class OktaConformanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AdminBase = "/governance/api/v2/security-access-reviews";
    private const string MyBase = "/governance/api/v2/my/security-access-reviews";
    private const string Unknown = "sar00000000000000000";
    private static readonly HttpMethod Get = HttpMethod.Get;
    private static readonly HttpMethod Post = HttpMethod.Post;

    private readonly ApiHost host = new();
    private ConformanceLedger ledger = null!;

    public async Task InitializeAsync()
    {
        ledger = new ConformanceLedger(await OktaDescription.GetAsync());
        await TestInventory.ImportAsync(host);
        await ConformanceInventory.ImportSodRuleAsync(host);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task EveryOperation_SuccessAndErrors_MatchOktasDescription()
    {
        var admin = host.AsAdmin();
        var reviewer = host.As(TestInventory.ReviewerA);
        var outsider = host.As(TestInventory.Outsider);
        var anonymous = host.CreateClient();

        var created = await ledger.SendAsync(admin, Post, AdminBase, Body(), "create");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await ledger.SendAsync(admin, Post, AdminBase, new { name = "", reviewerSettings = new { type = "USER" } }, "create, broken body");
        await ledger.SendAsync(admin, Post, AdminBase, Body(endTime: host.Clock.GetUtcNow().AddDays(200)), "create, end time past six months");
        await ledger.SendAsync(admin, Post, AdminBase, Body(endTime: host.Clock.GetUtcNow().AddHours(1)), "create, end time within a day");
        await ledger.SendAsync(anonymous, Post, AdminBase, Body(), "create, anonymous");
        await ledger.SendAsync(reviewer, Post, AdminBase, Body(), "create, not an admin");
        await WaitActiveAsync(admin, id);

        await ReadAndDecideAsync(admin, AdminBase, id, anonymous, forbidden: reviewer, notMine: null);
        await ReadAndDecideAsync(reviewer, MyBase, id, anonymous, forbidden: null, notMine: outsider);

        await ledger.SendAsync(admin, HttpMethod.Patch, $"{AdminBase}/{id}", new { endTime = host.Clock.GetUtcNow().AddDays(10) }, "update");
        await ledger.SendAsync(admin, HttpMethod.Patch, $"{AdminBase}/{id}", new { endTime = host.Clock.GetUtcNow().AddMinutes(-1) }, "update, end time in the past");
        await ledger.SendAsync(admin, HttpMethod.Patch, $"{AdminBase}/{Unknown}", new { name = "x" }, "update, unknown review");
        await ledger.SendAsync(anonymous, HttpMethod.Patch, $"{AdminBase}/{id}", new { name = "x" }, "update, anonymous");
        await ledger.SendAsync(reviewer, HttpMethod.Patch, $"{AdminBase}/{id}", new { name = "x" }, "update, not an admin");

        await ledger.SendAsync(admin, Post, $"{AdminBase}/{id}/actions", new { actionType = "CLOSE_REVIEW" }, "close");
        await ledger.SendAsync(admin, Post, $"{AdminBase}/{id}/actions", new { actionType = "CLOSE_REVIEW" }, "close, already closed");
        await ledger.SendAsync(admin, Get, $"{AdminBase}/{id}", label: "closed review");
        await ledger.SendAsync(reviewer, Get, $"{MyBase}/{id}/accesses", label: "closed review's accesses");

        Report();
    }

    [Fact]
    public async Task OperationTable_OfFunctionsTests_IsOktasDescription()
    {
        var described = (await OktaDescription.GetAsync()).Operations
            .Select(o => new OktaOperation(o.Method, o.Template, o.Id, o.Responses.Keys.Single(s => s is >= 200 and < 300)));

        Assert.Equal(described.OrderBy(o => o.Id, StringComparer.Ordinal), OktaOperations.All.OrderBy(o => o.Id, StringComparer.Ordinal));
        Assert.All((await OktaDescription.GetAsync()).Operations, o => Assert.Equal(OktaOperations.ErrorStatuses, o.Responses.Keys.Where(s => s >= 400).Order()));
    }

    [Fact]
    public async Task EveryOperation_RateLimited_AnswersDeclared429()
    {
        await using var limited = new ApiHost(new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "2" });
        var admin = limited.AsAdmin();
        var reviewer = limited.As(TestInventory.ReviewerA);
        foreach (var client in new[] { admin, reviewer })
        {
            await client.GetAsync(MyBase);
            await client.GetAsync(MyBase);
        }

        foreach (var operation in (await OktaDescription.GetAsync()).Operations)
        {
            var client = operation.Template.StartsWith(MyBase, StringComparison.Ordinal) ? reviewer : admin;
            var url = operation.Template.Replace("{securityAccessReviewId}", Unknown, StringComparison.Ordinal)
                .Replace("{securityAccessReviewAccessId}", "aim00000000000000000", StringComparison.Ordinal)
                .Replace("{securityAccessReviewTargetId}", "aim00000000000000000", StringComparison.Ordinal);
            await ledger.SendAsync(client, new HttpMethod(operation.Method), url, operation.Method is "GET" ? null : new { }, "rate limited");
        }

        Report();
    }

    private async Task ReadAndDecideAsync(HttpClient client, string route, string id, HttpClient anonymous, HttpClient? forbidden, HttpClient? notMine)
    {
        var review = $"{route}/{id}";
        await ErrorsAsync(Get, route, anonymous, forbidden, null);
        await ledger.SendAsync(client, Get, $"{route}?limit=1", label: "list");
        await ledger.SendAsync(client, Get, $"{route}?filter={Q("status eq \"ACTIVE\"")}&orderBy={Q("name desc")}", label: "list, filtered");
        await ledger.SendAsync(client, Get, $"{route}?limit=0", label: "list, limit 0");
        await ledger.SendAsync(client, Get, $"{route}?filter={Q("nope eq 1")}", label: "list, bad filter");
        await ledger.SendAsync(client, Get, $"{route}/stats", label: "stats");
        await ErrorsAsync(Get, $"{route}/stats", anonymous, forbidden, null);

        await ledger.SendAsync(client, Get, review, label: "get");
        await ledger.SendAsync(client, Get, $"{route}/{Unknown}", label: "get, unknown");
        await ErrorsAsync(Get, review, anonymous, forbidden, notMine);

        var items = await ListAsync(client, Get, $"{review}/accesses?limit=200", "accesses");
        await ledger.SendAsync(client, Get, $"{review}/accesses?limit=1&orderBy={Q("lastAccess desc")}", label: "accesses, one page");
        await ledger.SendAsync(client, Get, $"{review}/accesses?filter={Q("priority eq \"SEVERE\"")}", label: "accesses, bad filter");
        await ledger.SendAsync(client, Get, $"{route}/{Unknown}/accesses", label: "accesses, unknown review");
        await ErrorsAsync(Get, $"{review}/accesses", anonymous, forbidden, notMine);

        var subItems = new List<string>();
        foreach (var item in items)
        {
            subItems.AddRange(await ListAsync(client, Get, $"{review}/accesses/{item}/sub-accesses", "sub-accesses"));
            await ledger.SendAsync(client, Get, $"{review}/accesses/{item}/anomalies", label: "anomalies");
            await ledger.SendAsync(client, Post, $"{review}/accesses/{item}/summary", label: "item summary");
        }

        await ledger.SendAsync(client, Get, $"{review}/accesses/{items[0]}/sub-accesses?filter={Q("resourceType eq \"ENTITLEMENT_VALUE\"")}", label: "sub-accesses, by type");
        await ledger.SendAsync(client, Get, $"{review}/accesses/{items[0]}/sub-accesses?orderBy={Q("name asc")}", label: "sub-accesses, bad orderBy");
        await ledger.SendAsync(client, Get, $"{review}/accesses/aim00000000000000000/sub-accesses", label: "sub-accesses, unknown item");
        await ErrorsAsync(Get, $"{review}/accesses/{items[0]}/sub-accesses", anonymous, forbidden, notMine);
        foreach (var sub in subItems)
        {
            await ledger.SendAsync(client, Get, $"{review}/accesses/{sub}/anomalies", label: "sub-item anomalies");
        }

        await ledger.SendAsync(client, Get, $"{review}/accesses/aim00000000000000000/anomalies", label: "anomalies, unknown item");
        await ErrorsAsync(Get, $"{review}/accesses/{items[0]}/anomalies", anonymous, forbidden, notMine);
        await ledger.SendAsync(client, Post, $"{review}/accesses/aim00000000000000000/summary", label: "item summary, unknown item");
        await ErrorsAsync(Post, $"{review}/accesses/{items[0]}/summary", anonymous, forbidden, notMine);

        var (item1, sub1) = route == AdminBase ? (items[0], subItems[0]) : (items[^1], subItems[^1]);
        await ledger.SendAsync(client, Post, $"{review}/accesses/{sub1}/actions", new { type = "REVOKE_ACCESS" }, "revoke a sub-item");
        await ledger.SendAsync(client, Post, $"{review}/accesses/{item1}/actions", new { type = "REVOKE_ACCESS" }, "revoke an item");
        await ledger.SendAsync(client, Post, $"{review}/accesses/{item1}/actions", new { type = "FLAG_FOR_MANUAL_RESTORATION" }, "flag an item for manual restoration");
        await ledger.SendAsync(client, Post, $"{review}/accesses/{item1}/actions", new { type = "KEEP" }, "item action, bad type");
        await ledger.SendAsync(client, Post, $"{review}/accesses/aim00000000000000000/actions", new { type = "REVOKE_ACCESS" }, "item action, unknown item");
        await ErrorsAsync(Post, $"{review}/accesses/{item1}/actions", anonymous, forbidden, notMine, new { type = "REVOKE_ACCESS" });
        await ledger.SendAsync(client, Get, $"{review}/accesses", label: "accesses after decisions");
        await ledger.SendAsync(client, Get, $"{review}/accesses/{item1}/sub-accesses", label: "sub-accesses after decisions");

        await ledger.SendAsync(client, Get, $"{review}/actions", label: "actions");
        await ledger.SendAsync(client, Get, $"{route}/{Unknown}/actions", label: "actions, unknown review");
        await ErrorsAsync(Get, $"{review}/actions", anonymous, forbidden, notMine);
        await ledger.SendAsync(client, Post, $"{review}/actions", new { actionType = "UNIVERSAL_LOGOUT" }, "universal logout");
        await ledger.SendAsync(client, Post, $"{review}/actions", new { actionType = "RESTORE_ALL_ACCESS" }, "restore all");
        await ledger.SendAsync(client, Post, $"{review}/actions", new { actionType = "ARCHIVE" }, "review action, bad type");
        await ledger.SendAsync(client, Post, $"{route}/{Unknown}/actions", new { actionType = "CLOSE_REVIEW" }, "review action, unknown review");
        await ErrorsAsync(Post, $"{review}/actions", anonymous, forbidden, notMine, new { actionType = "CLOSE_REVIEW" });

        await ledger.SendAsync(client, Post, $"{review}/comment", new { comment = "Looks like a stolen session" }, "comment");
        await ledger.SendAsync(client, Post, $"{review}/comment", new { comment = new string('x', 1001) }, "comment, too long");
        await ledger.SendAsync(client, Post, $"{route}/{Unknown}/comment", new { comment = "x" }, "comment, unknown review");
        await ErrorsAsync(Post, $"{review}/comment", anonymous, forbidden, notMine, new { comment = "x" });

        await ledger.SendAsync(client, Get, $"{review}/history?limit=2", label: "history, one page");
        await ListAsync(client, Get, $"{review}/history", "history");
        await ledger.SendAsync(client, Get, $"{review}/history?limit=500", label: "history, limit 500");
        await ledger.SendAsync(client, Get, $"{route}/{Unknown}/history", label: "history, unknown review");
        await ErrorsAsync(Get, $"{review}/history", anonymous, forbidden, notMine);

        await ledger.SendAsync(client, Get, $"{review}/principal", label: "principal");
        await ledger.SendAsync(client, Get, $"{route}/{Unknown}/principal", label: "principal, unknown review");
        await ErrorsAsync(Get, $"{review}/principal", anonymous, forbidden, notMine);

        await ledger.SendAsync(client, Post, $"{review}/summary", label: "summary");
        await ledger.SendAsync(client, Post, $"{route}/{Unknown}/summary", label: "summary, unknown review");
        await ErrorsAsync(Post, $"{review}/summary", anonymous, forbidden, notMine);
    }

    /// <summary>The errors every operation can meet: no token (401), not an admin on an admin route (403), someone else's review on a "my" route (404).</summary>
    private async Task ErrorsAsync(HttpMethod method, string url, HttpClient anonymous, HttpClient? forbidden, HttpClient? notMine, object? body = null)
    {
        await ledger.SendAsync(anonymous, method, url, body, "anonymous");
        if (forbidden is not null)
        {
            await ledger.SendAsync(forbidden, method, url, body, "not an admin");
        }

        if (notMine is not null)
        {
            await ledger.SendAsync(notMine, method, url, body, "not a reviewer");
        }
    }

    private async Task<List<string>> ListAsync(HttpClient client, HttpMethod method, string url, string label)
    {
        var response = await ledger.SendAsync(client, method, url, label: label);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode && body.TryGetProperty("data", out var data)
            ? [.. data.EnumerateArray().Where(e => e.TryGetProperty("id", out _)).Select(e => e.GetProperty("id").GetString()!)]
            : [];
    }

    private static async Task WaitActiveAsync(HttpClient admin, string id) =>
        await Eventually.GetAsync(
            async () => (await admin.GetFromJsonAsync<JsonElement>($"{AdminBase}/{id}")).GetProperty("status").GetString(),
            s => s == "ACTIVE", what: $"review {id} to be ACTIVE");

    private static object Body(DateTimeOffset? endTime = null) => new
    {
        principalId = TestInventory.Target,
        name = "Impossible travel: Tara",
        endTime,
        reviewerSettings = new { type = "USER", userSettings = new { includedUserIds = new[] { TestInventory.ReviewerA, TestInventory.ReviewerB } } },
    };

    private static string Q(string text) => Uri.EscapeDataString(text);

    private void Report()
    {
        var report = ledger.Report();
        output.WriteLine(report);
        var failed = ledger.Checks.Where(c => !c.Passed).ToList();
        Assert.True(failed.Count == 0, report);
    }
}
