using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Functions.Common;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Storage.Reviews;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using AccessReviewFunctions.Functions.Tests.Reviews;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Audit;

public sealed class SystemLogTests
{
    private const string Logs = "/api/v1/logs";
    private const string Since = "2026-01-01T00:00:00Z";

    [Fact]
    public async Task Lifecycle_LogsCreateStartActionClose_WithActorsAndTargets()
    {
        using var host = new ApiHost();
        var (admin, id, itemId) = await StartAsync(host, new { });
        await RevokeAsync(host, id, itemId);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsJsonAsync($"{Admin}/{id}/actions", new { actionType = "CLOSE_REVIEW" })).StatusCode);
        await host.Services.QuietAsync();

        var events = await LogsAsync(admin, $"since={Since}&filter=" + Uri.EscapeDataString($"target.id eq \"{id}\""));

        Assert.Equal(["access.review.create", "access.review.start", "access.review.action", "access.review.close"], events.Select(Type));
        var (create, start, action, close) = (events[0], events[1], events[2], events[3]);
        Assert.Equal(("User", TestInventory.Admin, "ada@example.com", "Ada Admin"), Actor(create));
        Assert.Equal("WEB", create.GetProperty("transaction").GetProperty("type").GetString());
        Assert.Equal(("SystemPrincipal", "system"), (Actor(start).Type, Actor(start).Id));
        Assert.Equal(("SUCCESS", "INFO", "0"), (Result(start), start.GetProperty("severity").GetString(), start.GetProperty("version").GetString()));
        Assert.Equal("JOB", start.GetProperty("transaction").GetProperty("type").GetString());
        Assert.Equal(("User", TestInventory.ReviewerA, "rita@example.com", "Rita Reviewer"), Actor(action));
        Assert.Equal("REVOKE_ACCESS", Reason(action));
        var targets = action.GetProperty("target").EnumerateArray().ToList();
        Assert.Equal([id, TestInventory.Target, itemId], targets.Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(["SecurityAccessReview", "User", "AccessItem"], targets.Select(t => t.GetProperty("type").GetString()));
        Assert.Equal(("tara@example.com", "Tara Target"), (targets[1].GetProperty("alternateId").GetString(), targets[1].GetProperty("displayName").GetString()));
        Assert.False(action.GetProperty("debugContext").GetProperty("debugData").TryGetProperty("automatic", out _));
        Assert.Equal(("User", TestInventory.Admin), (Actor(close).Type, Actor(close).Id));
        Assert.Equal("closed manually", Reason(close));
        Assert.All(events, e => Assert.True(Guid.TryParse(e.GetProperty("uuid").GetString(), out _)));
        Assert.All(events, e => Assert.Equal(id, e.GetProperty("debugContext").GetProperty("debugData").GetProperty("reviewId").GetString()));
        Assert.False(create.TryGetProperty("client", out var client) && client.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Null));
    }

    [Fact]
    public async Task AutoRejectIncomplete_LogsAutomaticActionWithNote_BySystem()
    {
        using var host = new ApiHost();
        var (admin, id, _) = await StartAsync(host, new { expirationBehavior = "AUTO_REJECT_INCOMPLETE", expirationNote = "Not reviewed in time" });

        host.Clock.Advance(TimeSpan.FromDays(8));
        await Eventually.GetAsync(() => HistoryAsync(admin, id), h => h.Any(m => m.StartsWith("automatically", StringComparison.Ordinal)), what: "the automatic rejections");
        await host.Services.QuietAsync();

        var actions = await LogsAsync(admin, $"since={Since}&filter=" + Uri.EscapeDataString($"eventType eq \"access.review.action\" and target.id eq \"{id}\""));
        var automatic = Assert.Single(actions);
        Assert.Equal(("SystemPrincipal", "system"), (Actor(automatic).Type, Actor(automatic).Id));
        Assert.Equal("REVOKE_ACCESS", Reason(automatic));
        var debug = automatic.GetProperty("debugContext").GetProperty("debugData");
        Assert.Equal(("true", "Not reviewed in time"), (debug.GetProperty("automatic").GetString(), debug.GetProperty("note").GetString()));
        var close = Assert.Single(await LogsAsync(admin, $"since={Since}&filter=" + Uri.EscapeDataString("eventType eq \"access.review.close\"")));
        Assert.Equal(("SystemPrincipal", "end time reached"), (Actor(close).Type, Reason(close)));

        // The default window is the last 7 days: the create and start of 8 days ago are out, the expiry is in.
        var recent = await LogsAsync(admin, "");
        Assert.DoesNotContain(recent, e => Type(e) is "access.review.create" or "access.review.start");
        Assert.Contains(recent, e => Type(e) == "access.review.action");
        var bySystem = await LogsAsync(admin, $"since={Since}&filter=" + Uri.EscapeDataString("actor.id eq \"system\""));
        Assert.Equal(["access.review.start", "access.review.close", "access.review.action"], bySystem.Select(Type));
        Assert.All(bySystem, e => Assert.Equal(("system@okta.com", "Okta System"),
            (e.GetProperty("actor").GetProperty("alternateId").GetString(), e.GetProperty("actor").GetProperty("displayName").GetString())));
    }

    [Fact]
    public async Task Query_SinceUntilFilterQLimitAfterSortOrder()
    {
        using var host = new ApiHost();
        var t0 = host.Clock.GetUtcNow();
        var (admin, id, itemId) = await StartAsync(host, new { });
        host.Clock.Advance(TimeSpan.FromHours(1));
        await RevokeAsync(host, id, itemId);
        host.Clock.Advance(TimeSpan.FromHours(1));
        await admin.PostAsJsonAsync($"{Admin}/{id}/actions", new { actionType = "CLOSE_REVIEW" });
        await host.Services.QuietAsync();
        string At(TimeSpan offset) => Uri.EscapeDataString((t0 + offset).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["access.review.action", "access.review.close"], (await LogsAsync(admin, $"since={At(TimeSpan.FromMinutes(30))}")).Select(Type));
        Assert.Equal(["access.review.create", "access.review.start"], (await LogsAsync(admin, $"since={Since}&until={At(TimeSpan.FromMinutes(30))}")).Select(Type));
        Assert.Equal(["access.review.action"], (await LogsAsync(admin, $"since={At(TimeSpan.FromMinutes(30))}&until={At(TimeSpan.FromMinutes(90))}")).Select(Type));
        Assert.Equal(["access.review.close", "access.review.action", "access.review.start", "access.review.create"], (await LogsAsync(admin, $"since={Since}&sortOrder=DESCENDING")).Select(Type));
        Assert.Equal(["access.review.create", "access.review.close"], (await LogsAsync(admin, $"since={Since}&filter=" + Uri.EscapeDataString("eventType eq \"access.review.create\" or eventType eq \"access.review.close\""))).Select(Type));
        Assert.Equal(["access.review.action"], (await LogsAsync(admin, $"since={Since}&q=rita%20REVOKE")).Select(Type));
        Assert.Empty(await LogsAsync(admin, $"since={Since}&q=nobody"));

        var pages = new List<List<string>>();
        string? next = $"{Logs}?since={Since}&limit=3&sortOrder=DESCENDING";
        while (next is not null)
        {
            var response = await admin.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pages.Add((await response.Content.ReadFromJsonAsync<List<JsonElement>>())!.Select(Type).ToList());
            next = NextLink(response);
        }

        Assert.Equal([["access.review.close", "access.review.action", "access.review.start"], ["access.review.create"]], pages);
        var ascending = await admin.GetAsync($"{Logs}?since={Since}&limit=2");
        var second = await admin.GetAsync(NextLink(ascending)!);
        Assert.Equal(["access.review.action", "access.review.close"], (await second.Content.ReadFromJsonAsync<List<JsonElement>>())!.Select(Type));

        // Without until (polling mode) there is always a next link; it resumes after the last event, empty until more arrive.
        var third = await admin.GetAsync(NextLink(second)!);
        Assert.Empty((await third.Content.ReadFromJsonAsync<List<JsonElement>>())!);
        Assert.Equal(NextLink(second), NextLink(third));
        var bounded = await admin.GetAsync($"{Logs}?since={Since}&until={At(TimeSpan.FromHours(3))}&limit=4");
        Assert.Null(NextLink(bounded));
    }

    [Fact]
    public async Task NonAdmin403_BadParameters400()
    {
        using var host = new ApiHost();

        Assert.Equal(HttpStatusCode.Forbidden, (await host.As(TestInventory.ReviewerA).GetAsync(Logs)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync(Logs)).StatusCode);
        var admin = host.AsAdmin();
        foreach (var (query, cause) in new[]
        {
            ("filter=" + Uri.EscapeDataString("bogus eq \"x\""), "filter:"),
            ("filter=" + Uri.EscapeDataString("eventType eq"), "filter:"),
            ("since=yesterday", "since: must be an ISO-8601 timestamp"),
            ("since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z", "since: must be before until"),
            ("limit=0", "limit: must be an integer from 1 to 1000"),
            ("limit=1001", "limit: must be an integer from 1 to 1000"),
            ("sortOrder=UP", "sortOrder: must be ASCENDING or DESCENDING"),
            ("after=not-a-cursor!", "after: invalid cursor"),
            ("q=" + string.Join("%20", Enumerable.Range(1, 11).Select(i => $"k{i}")), "q: at most 10 keywords"),
            ("q=" + new string('x', 41), "q: each keyword at most 40 characters"),
            ("filter=" + Uri.EscapeDataString("published co \"2026\""), "filter:"),
            ("filter=" + Uri.EscapeDataString("eventType ne \"a\""), "filter:"),
            ("filter=" + Uri.EscapeDataString("eventType pr \"a\""), "filter:"),
        })
        {
            var response = await admin.GetAsync($"{Logs}?{query}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode}");
            var error = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("E0000001", error.GetProperty("errorCode").GetString());
            Assert.Contains(Causes(error), c => c.StartsWith(cause, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ChangeRows_TwoEvents_AHistoryAndAnAuditRowEach()
    {
        var at = DateTimeOffset.UnixEpoch;
        var snapshot = new ReviewSnapshot("sar1", "n", "00u1", ["00u2"], ReviewStatus.ACTIVE, at, at, "00u3", at, "00u3", 0, null, null, null, Revision: 3);
        var rows = new ReviewChangeRows(new IdGenerator(TimeProvider.System), TimeProvider.System)
            .For(snapshot, [new ReviewActivated("sar1", at, 0), new ReviewClosed("sar1", at, null, CloseReason.Completed)], AccessRows.None, "msg");

        Assert.Equal(["hist:0000000002-sar1", "audit:0000000002-sar1", "hist:0000000003-sar1", "audit:0000000003-sar1"], rows.Select(r => r.Row.RowKey));
        Assert.All(rows, r => Assert.Equal(RowWrite.Insert, r.Write));
    }

    private static async Task<(HttpClient Admin, string Id, string ItemId)> StartAsync(ApiHost host, object extra)
    {
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var merged = JsonSerializer.SerializeToElement(Body()).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
        {
            merged[property.Name] = property.Value;
        }

        var id = await CreateActiveAsync(admin, merged);
        var items = await AccessesApi.ItemsAsync(admin, id);
        return (admin, id, items[0].Id);
    }

    private static async Task<List<JsonElement>> LogsAsync(HttpClient admin, string query)
    {
        var response = await admin.GetAsync($"{Logs}?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET logs?{query}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<List<JsonElement>>(body)!;
    }

    private static string? NextLink(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var links)
            ? links.SelectMany(l => l.Split(',')).Where(l => l.Contains("rel=\"next\"", StringComparison.Ordinal))
                .Select(l => l.Trim()[1..l.Trim().IndexOf('>', StringComparison.Ordinal)]).FirstOrDefault()
            : null;

    private static string Type(JsonElement e) => e.GetProperty("eventType").GetString()!;

    private static string? Reason(JsonElement e) => e.GetProperty("outcome").GetProperty("reason").GetString();

    private static string? Result(JsonElement e) => e.GetProperty("outcome").GetProperty("result").GetString();

    private static (string Type, string Id, string AlternateId, string DisplayName) Actor(JsonElement e)
    {
        var a = e.GetProperty("actor");
        return (a.GetProperty("type").GetString()!, a.GetProperty("id").GetString()!, a.GetProperty("alternateId").GetString()!, a.GetProperty("displayName").GetString()!);
    }
}
