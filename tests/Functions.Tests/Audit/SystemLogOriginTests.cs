using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using AccessReviewFunctions.Functions.Tests.Reviews;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Audit;

/// <summary>The request details on the System Log events a person causes, and which X-Forwarded-For is believed.</summary>
public sealed class SystemLogOriginTests
{
    private const string Logs = "/api/v1/logs";
    private const string Chrome = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0";

    [Fact]
    public async Task PersonsEvents_CarryCallersIpUserAgentAndSession_SystemEventsDoNot()
    {
        using var host = new ApiHost();
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        admin.DefaultRequestHeaders.UserAgent.ParseAdd(Chrome);
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        var itemId = (await AccessesApi.ItemsAsync(admin, id))[0].Id;
        var reviewer = host.As(TestInventory.ReviewerA);
        reviewer.DefaultRequestHeaders.Add(ApiHost.PeerHeader, "198.51.100.23");
        reviewer.DefaultRequestHeaders.UserAgent.ParseAdd(Firefox);
        Assert.Equal(HttpStatusCode.Accepted, (await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{itemId}/actions", new { type = "REVOKE_ACCESS" })).StatusCode);
        await host.Services.QuietAsync();

        var events = await LogsAsync(admin, $"filter={Uri.EscapeDataString($"target.id eq \"{id}\"")}");

        Assert.Equal(["access.review.create", "access.review.start", "access.review.action"], events.Select(e => e.GetProperty("eventType").GetString()));
        var (create, start, action) = (events[0], events[1], events[2]);
        Assert.Equal(("192.0.2.10", Chrome, "Mac OS X", "CHROME", false), Origin(create));
        Assert.Equal(("198.51.100.23", Firefox, "Windows", "FIREFOX", false), Origin(action));
        Assert.False(create.GetProperty("client").TryGetProperty("geographicalContext", out _)); // no GeoIP database: unknown, so absent
        var adminSession = Session(create);
        Assert.StartsWith("dev", adminSession, StringComparison.Ordinal);
        Assert.NotEqual(adminSession, Session(action));
        Assert.False(start.GetProperty("client").TryGetProperty("ipAddress", out _));
        Assert.False(start.GetProperty("securityContext").TryGetProperty("isProxy", out _));
        Assert.False(start.GetProperty("authenticationContext").TryGetProperty("externalSessionId", out _));

        // The same session's later events carry the same id; the new fields filter like the others.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"{Admin}/{id}/comment", new { comment = "looked at it" })).StatusCode);
        await host.Services.QuietAsync();
        var mine = await LogsAsync(admin, $"filter={Uri.EscapeDataString($"authenticationContext.externalSessionId eq \"{adminSession}\"")}");
        Assert.Equal(["access.review.create", "access.review.update"], mine.Select(e => e.GetProperty("eventType").GetString()));
        Assert.Equal(["access.review.action"], (await LogsAsync(admin, $"filter={Uri.EscapeDataString("client.userAgent.rawUserAgent co \"Firefox/121\"")}")).Select(e => e.GetProperty("eventType").GetString()));
    }

    [Fact]
    public async Task ForwardedFor_FromAnUnconfiguredAddress_Ignored()
    {
        using var host = new ApiHost();
        await TestInventory.ImportAsync(host);

        var create = await CreateThroughAsync(host, ApiHost.DefaultPeer, "203.0.113.99");

        Assert.Equal(("192.0.2.10", false), (Ip(create), IsProxy(create)));
    }

    [Fact]
    public async Task ForwardedFor_FromAConfiguredProxy_UsedAndIsProxy()
    {
        using var host = new ApiHost(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = ApiHost.DefaultPeer,
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8",
        });
        await TestInventory.ImportAsync(host);

        var viaProxy = await CreateThroughAsync(host, ApiHost.DefaultPeer, "203.0.113.99");
        var viaNetwork = await CreateThroughAsync(host, "10.1.2.3", "203.0.113.50");
        var forged = await CreateThroughAsync(host, "198.51.100.66", "203.0.113.77");
        var direct = await CreateThroughAsync(host, "10.1.2.3", null);

        Assert.Equal(("203.0.113.99", true), (Ip(viaProxy), IsProxy(viaProxy)));
        Assert.Equal(("203.0.113.50", true), (Ip(viaNetwork), IsProxy(viaNetwork)));
        Assert.Equal(("198.51.100.66", false), (Ip(forged), IsProxy(forged)));
        Assert.Equal(("10.1.2.3", false), (Ip(direct), IsProxy(direct)));
    }

    /// <summary>Creates a review from <paramref name="peer"/> with the X-Forwarded-For header; its access.review.create event.</summary>
    private static async Task<JsonElement> CreateThroughAsync(ApiHost host, string peer, string? forwardedFor)
    {
        var admin = host.AsAdmin();
        admin.DefaultRequestHeaders.Add(ApiHost.PeerHeader, peer);
        if (forwardedFor is not null)
        {
            admin.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        var id = (await CreateAsync(admin, Body(principal: TestInventory.Target2))).GetProperty("id").GetString()!;
        await host.Services.QuietAsync();
        var filter = Uri.EscapeDataString($"target.id eq \"{id}\" and eventType eq \"access.review.create\"");
        return Assert.Single(await LogsAsync(host.AsAdmin(), $"filter={filter}"));
    }

    private static string Ip(JsonElement e) => e.GetProperty("client").GetProperty("ipAddress").GetString()!;

    private static bool IsProxy(JsonElement e) => e.GetProperty("securityContext").GetProperty("isProxy").GetBoolean();

    private static string Session(JsonElement e) => e.GetProperty("authenticationContext").GetProperty("externalSessionId").GetString()!;

    private static (string Ip, string? Raw, string? Os, string? Browser, bool IsProxy) Origin(JsonElement e)
    {
        var agent = e.GetProperty("client").GetProperty("userAgent");
        return (Ip(e), agent.GetProperty("rawUserAgent").GetString(), agent.GetProperty("os").GetString(), agent.GetProperty("browser").GetString(), IsProxy(e));
    }

    internal static async Task<List<JsonElement>> LogsAsync(HttpClient admin, string query)
    {
        var response = await admin.GetAsync($"{Logs}?since=2026-01-01T00:00:00Z&{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET logs?{query}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<List<JsonElement>>(body)!;
    }
}
