using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Runtime.Queues;
using AccessReviewFunctions.Functions.Storage;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.RiskEvents;

/// <summary>Risk events through <c>POST /api/v1/risk-events</c> and the <c>risk-events</c> queue.</summary>
public sealed class RiskEventTests
{
    private const string Events = "/api/v1/risk-events";
    private const string Policies = "/api/v1/review-policies";
    private static readonly string[] ImpossibleTravel = ["impossible travel"];
    private static readonly string[] HighRisk = ["high-risk"];

    internal static object Event(string uuid, string eventType, string targetId, string? risk = "{level=HIGH, reasons=Anomalous location}", string? appId = null) => new
    {
        uuid,
        eventType,
        published = "2026-01-05T09:00:00Z",
        version = "0",
        severity = "WARN",
        displayMessage = "User risk detected",
        actor = new { id = "0oasystem", type = "PublicClientApp", alternateId = "risk-engine", displayName = "Risk engine" },
        target = appId is null
            ? new object[] { new { id = targetId, type = "User", alternateId = "tara@example.com", displayName = "Tara Target" } }
            : [new { id = targetId, type = "User", alternateId = "tara@example.com", displayName = "Tara Target" }, new { id = appId, type = "AppInstance", alternateId = "app", displayName = "App" }],
        outcome = new { result = "SUCCESS", reason = "risk detected" },
        client = new { ipAddress = "203.0.113.7", userAgent = new { rawUserAgent = "Mozilla/5.0" }, geographicalContext = new { country = "Germany" } },
        securityContext = new { isProxy = true },
        authenticationContext = new { externalSessionId = "idx123" },
        transaction = new { type = "WEB", id = "tx-" + uuid },
        debugContext = new { debugData = new Dictionary<string, string?> { ["risk"] = risk } },
    };

    internal static Task<HttpResponseMessage> SendAsync(HttpClient client, params object[] events) =>
        client.PostAsJsonAsync(Events, new { data = new { events } });

    private static async Task<JsonElement> OutcomeAsync(ApiHost host, string uuid)
    {
        await host.Services.QuietAsync();
        return await GetAsync(host.AsAdmin(), $"{Events}/{uuid}");
    }

    private static async Task<List<JsonElement>> ReviewsOfAsync(HttpClient admin, string principal) =>
        (await GetAsync(admin, $"{Admin}?limit=200")).GetProperty("data").EnumerateArray().Where(r => r.GetProperty("principalId").GetString() == principal).ToList();

    private static List<string> Reviewers(JsonElement review) =>
        review.GetProperty("reviewerSettings").GetProperty("userSettings").GetProperty("includedUserIds").EnumerateArray().Select(e => e.GetString()!).ToList();

    [Fact]
    public async Task RiskDetect_HighDeliveredTenTimes_OneActiveReviewByTheManager()
    {
        using var host = new ApiHost();
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var e = Event("evt-high-1", "user.risk.detect", TestInventory.Target);

        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(admin, Enumerable.Repeat(e, 5).ToArray())).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(admin, e)).StatusCode);
        }

        var outcome = await OutcomeAsync(host, "evt-high-1");
        Assert.Equal("CREATED", outcome.GetProperty("outcome").GetString());
        var reviewId = outcome.GetProperty("reviewId").GetString()!;
        await WaitForStatusAsync(admin, reviewId, "ACTIVE");
        var review = Assert.Single(await ReviewsOfAsync(admin, TestInventory.Target));
        Assert.Equal((reviewId, "user.risk.detect for Tara Target"), (review.GetProperty("id").GetString(), review.GetProperty("name").GetString()));
        Assert.Equal([TestInventory.Admin], Reviewers(review));
        Assert.DoesNotContain(await HistoryAsync(admin, reviewId), m => m.StartsWith("risk event", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryAccessEventType_StoredInTheSystemLogWithItsFields()
    {
        string[] types =
        [
            "access.request.cancel", "access.request.condition.activate", "access.request.condition.create", "access.request.condition.deactivate",
            "access.request.condition.delete", "access.request.condition.invalidate", "access.request.condition.update", "access.request.create",
            "access.request.expire", "access.request.reject", "access.request.resolve", "access.request.sequence.create", "access.request.sequence.delete",
            "access.request.sequence.update", "access.request.settings.update", "access.request.update", "access.review.action", "access.review.close",
            "access.review.create", "access.review.remediate", "access.review.start", "access.review.update",
        ];
        using var host = new ApiHost();
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();

        await SendAsync(admin, [.. types.Select((t, i) => Event($"evt-type-{i:D2}", t, TestInventory.Target2, risk: null)), Event("evt-not-access", "user.session.start", TestInventory.Target2)]);
        await host.Services.QuietAsync();

        var logs = (await GetAsync(admin, "/api/v1/logs?since=2026-01-01T00:00:00Z&until=2026-02-01T00:00:00Z&limit=100&filter=" + Uri.EscapeDataString("client.ipAddress eq \"203.0.113.7\""))).EnumerateArray().ToList();
        Assert.Equal(types.Order(StringComparer.Ordinal), logs.Select(e => e.GetProperty("eventType").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(logs, e =>
        {
            Assert.Equal(("203.0.113.7", "Mozilla/5.0", "Germany"), (e.GetProperty("client").GetProperty("ipAddress").GetString(),
                e.GetProperty("client").GetProperty("userAgent").GetProperty("rawUserAgent").GetString(), e.GetProperty("client").GetProperty("geographicalContext").GetProperty("country").GetString()));
            Assert.True(e.GetProperty("securityContext").GetProperty("isProxy").GetBoolean());
            Assert.Equal("idx123", e.GetProperty("authenticationContext").GetProperty("externalSessionId").GetString());
            Assert.Equal(("SUCCESS", "risk detected"), (e.GetProperty("outcome").GetProperty("result").GetString(), e.GetProperty("outcome").GetProperty("reason").GetString()));
            Assert.Equal(("PublicClientApp", "0oasystem"), (e.GetProperty("actor").GetProperty("type").GetString(), e.GetProperty("actor").GetProperty("id").GetString()));
            Assert.Equal("tx-" + e.GetProperty("uuid").GetString(), e.GetProperty("transaction").GetProperty("id").GetString());
            Assert.Equal(TestInventory.Target2, e.GetProperty("target")[0].GetProperty("id").GetString());
        });
    }

    [Fact]
    public async Task RiskDetect_MediumOrUnknownUser_SkippedWithReason()
    {
        using var host = new ApiHost();
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();

        await SendAsync(admin, Event("evt-medium", "user.risk.detect", TestInventory.Target, "{level=MEDIUM, reasons=x}"), Event("evt-nobody", "user.risk.detect", "00unobody0000000001"), Event("evt-other", "user.session.start", TestInventory.Target));

        Assert.Equal(("SKIPPED", "risk level MEDIUM is below HIGH"), Outcome(await OutcomeAsync(host, "evt-medium")));
        Assert.Equal(("SKIPPED", "unknown user 00unobody0000000001"), Outcome(await OutcomeAsync(host, "evt-nobody")));
        Assert.Equal(("SKIPPED", "no policy for user.session.start"), Outcome(await OutcomeAsync(host, "evt-other")));
        Assert.Empty(await ReviewsOfAsync(admin, TestInventory.Target));
    }

    [Fact]
    public async Task RiskDetect_JsonObjectRisk_SecondEventJoinsTheOpenReview()
    {
        using var host = new ApiHost();
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var objectRisk = JsonSerializer.Serialize(new { level = "HIGH", reasons = ImpossibleTravel });

        await SendAsync(admin, Event("evt-a", "user.risk.detect", TestInventory.Target, objectRisk));
        var first = await OutcomeAsync(host, "evt-a");
        await SendAsync(admin, Event("evt-b", "user.risk.detect", TestInventory.Target));
        var second = await OutcomeAsync(host, "evt-b");

        Assert.Equal("JOINED", second.GetProperty("outcome").GetString());
        var reviewId = first.GetProperty("reviewId").GetString()!;
        Assert.Equal(reviewId, second.GetProperty("reviewId").GetString());
        Assert.Single(await ReviewsOfAsync(admin, TestInventory.Target));
        Assert.Contains("risk event user.risk.detect (evt-b) joined the review", await HistoryAsync(admin, reviewId));
    }

    [Fact]
    public async Task DifferentEvents_SamePrincipalSameInstantDeliveredTogether_OneReviewTheOthersJoin()
    {
        using var host = new ApiHost();
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var uuids = Enumerable.Range(0, 6).Select(i => $"evt-race-{i}").ToList();

        // One delivery: the listener takes the six messages in one batch and handles them concurrently.
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(admin, [.. uuids.Select(u => Event(u, "user.risk.detect", TestInventory.Target))])).StatusCode);
        var outcomes = new List<JsonElement>();
        foreach (var uuid in uuids)
        {
            outcomes.Add(await OutcomeAsync(host, uuid));
        }

        var review = Assert.Single(await ReviewsOfAsync(admin, TestInventory.Target));
        var reviewId = review.GetProperty("id").GetString();
        Assert.Equal(["CREATED", "JOINED", "JOINED", "JOINED", "JOINED", "JOINED"], outcomes.Select(o => o.GetProperty("outcome").GetString()).Order(StringComparer.Ordinal));
        Assert.All(outcomes, o => Assert.Equal(reviewId, o.GetProperty("reviewId").GetString()));
        Assert.Equal(5, (await HistoryAsync(admin, reviewId!)).Count(m => m.StartsWith("risk event user.risk.detect (evt-race-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ManagerMissing_FallbackReviewersOrSkipped()
    {
        using var host = new ApiHost();
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();

        await SendAsync(admin, Event("evt-nomanager", "user.risk.detect", TestInventory.Target2));
        Assert.StartsWith("no reviewer", Outcome(await OutcomeAsync(host, "evt-nomanager")).Reason, StringComparison.Ordinal);

        var put = await admin.PutAsJsonAsync(Policies, new
        {
            policies = new[] { new { eventType = "user.risk.detect", minRiskLevel = "HIGH", reviewers = "MANAGER", fallbackReviewerIds = new[] { TestInventory.ReviewerB }, duration = "3.00:00:00" } },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await SendAsync(admin, Event("evt-fallback", "user.risk.detect", TestInventory.Target2));

        var reviewId = (await OutcomeAsync(host, "evt-fallback")).GetProperty("reviewId").GetString()!;
        var review = await GetAsync(admin, $"{Admin}/{reviewId}");
        Assert.Equal([TestInventory.ReviewerB], Reviewers(review));
    }

    [Fact]
    public async Task AccessRequestResolve_HighRiskApp_StartsAReviewOfThePrincipal()
    {
        using var host = new ApiHost();
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var import = await admin.PostAsJsonAsync("/api/v1/inventory/import", new
        {
            applications = new[] { new { id = "0oavault0000000000001", name = "vault", label = "Vault", governanceLabels = HighRisk } },
            grants = new[] { new { principalId = TestInventory.Target, appId = "0oavault0000000000001", assignmentType = "ACCESS_REQUEST", assignedDate = "2026-01-01T00:00:00Z", groupIds = Array.Empty<string>(), entitlementValueIds = Array.Empty<string>(), bundleIds = Array.Empty<string>(), accessCount90Days = 0 } },
        });
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

        await SendAsync(admin,
            Event("evt-vault", "access.request.resolve", TestInventory.Target, risk: null, appId: "0oavault0000000000001"),
            Event("evt-slack", "access.request.resolve", TestInventory.Target, risk: null, appId: "0oaslack000000000001"));

        Assert.Equal(("CREATED", null), Outcome(await OutcomeAsync(host, "evt-vault")));
        Assert.Equal(("SKIPPED", "no target app labelled high-risk"), Outcome(await OutcomeAsync(host, "evt-slack")));
    }

    [Fact]
    public async Task Malformed_PoisonedWithReason_ListedAndReplayed()
    {
        using var host = new ApiHost(new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "1" });
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();

        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(admin, new { eventType = "user.risk.detect" }, Event("evt-fine", "user.session.start", TestInventory.Target))).StatusCode);
        await host.Services.QuietAsync();

        var failed = Assert.Single((await GetAsync(admin, $"{Events}/failed")).EnumerateArray());
        Assert.Equal("uuid is required", failed.GetProperty("reason").GetString());
        Assert.Equal("SKIPPED", (await OutcomeAsync(host, "evt-fine")).GetProperty("outcome").GetString());
        var poison = host.Services.GetRequiredService<StorageClients>().Queues.GetQueueClient($"{host.Prefix}-{QueueNames.Poison("risk-events")}");
        Assert.Contains("uuid is required", (await poison.PeekJsonAsync())!.Value.GetProperty("error").GetString(), StringComparison.Ordinal);

        var id = failed.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"{Events}/failed/{id}/replay", null)).StatusCode);
        await host.Services.QuietAsync();

        // Still broken, so it failed again, under the replay's id; the original entry is gone.
        var again = Assert.Single((await GetAsync(admin, $"{Events}/failed")).EnumerateArray());
        Assert.StartsWith($"{id}.replay", again.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{Events}/failed/{id}/replay", null)).StatusCode);
    }

    [Fact]
    public async Task EventHook_SecretAndVerificationChallenge()
    {
        using var host = new ApiHost(new Dictionary<string, string?> { ["RiskEvents:HookSecret"] = "s3cret", ["RiskEvents:HookHeader"] = "Authorization" });
        var hook = host.CreateClient();
        hook.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "s3cret");
        var verify = new HttpRequestMessage(HttpMethod.Get, Events);
        verify.Headers.Add("X-Okta-Verification-Challenge", "abc-123");

        var verified = await hook.SendAsync(verify);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal("abc-123", (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verification").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(hook, Event("evt-hook", "user.session.start", TestInventory.Target))).StatusCode);

        var stranger = host.CreateClient();
        stranger.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(stranger, Event("evt-x", "user.session.start", TestInventory.Target))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(host.As(TestInventory.ReviewerA), Event("evt-y", "user.session.start", TestInventory.Target))).StatusCode);
    }

    [Fact]
    public async Task Policies_DefaultsThenValidatedPut_LoggedAsPolicyChange()
    {
        using var host = new ApiHost();
        var admin = host.AsAdmin();

        var defaults = (await GetAsync(admin, Policies)).GetProperty("policies").EnumerateArray().ToList();
        Assert.Equal(["user.risk.detect", "access.request.resolve"], defaults.Select(p => p.GetProperty("eventType").GetString()));
        Assert.Equal(("HIGH", "MANAGER"), (defaults[0].GetProperty("minRiskLevel").GetString(), defaults[0].GetProperty("reviewers").GetString()));
        Assert.Equal("high-risk", defaults[1].GetProperty("requiredAppLabel").GetString());

        var bad = await admin.PutAsJsonAsync(Policies, new { policies = new[] { new { eventType = "", reviewers = "USERS", duration = "00:10:00" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var causes = Causes(await bad.Content.ReadFromJsonAsync<JsonElement>()).ToList();
        Assert.Contains(causes, c => c.StartsWith("policies[0].eventType", StringComparison.Ordinal));
        Assert.Contains(causes, c => c.StartsWith("policies[0].reviewerIds", StringComparison.Ordinal));
        Assert.Contains(causes, c => c.StartsWith("policies[0].duration", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(Policies, new { policies = Array.Empty<object>() })).StatusCode);
        Assert.Empty((await GetAsync(admin, Policies)).GetProperty("policies").EnumerateArray());
        var logs = await GetAsync(admin, "/api/v1/logs?since=2026-01-01T00:00:00Z&filter=" + Uri.EscapeDataString("eventType eq \"policy.lifecycle.update\""));
        Assert.Equal(TestInventory.Admin, Assert.Single(logs.EnumerateArray()).GetProperty("actor").GetProperty("id").GetString());
    }

    private static (string Outcome, string? Reason) Outcome(JsonElement e) =>
        (e.GetProperty("outcome").GetString()!, e.TryGetProperty("reason", out var r) ? r.GetString() : null);
}
