using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Remediation.Connectors;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Remediation;

/// <summary>The webhook connector against a receiver on loopback that checks every signature.</summary>
public sealed class WebhookConnectorTests
{
    private const string Secret = "webhook-test-secret";

    [Fact]
    public async Task Revoke_ThreeApps_SignedRequestsAndAPendingOneCompletesThroughTheStatusRoute()
    {
        var receiver = new Receiver(pendingApp: RemediationInventory.App(1));
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/hook", receiver.HandleAsync));
        using var host = Host(server);
        var (admin, id) = await RemediationScenario.ActiveReviewAsync(host, 3);
        var reviewer = host.As(TestInventory.ReviewerA);

        foreach (var item in await RemediationApi.ItemsAsync(admin, id))
        {
            Assert.True((await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{item.Id}/actions", new { type = "REVOKE_ACCESS" })).IsSuccessStatusCode);
        }

        var waiting = await Eventually.GetAsync(
            () => RemediationApi.ItemsAsync(admin, id), items => items.Count(i => i.Status == "SUCCEEDED") == 2 && items.Any(i => i.Status == "IN_PROGRESS"),
            what: "two revocations done and one waiting for its report");
        Assert.Equal((3, 0), (receiver.Verified, receiver.Rejected));
        Assert.Equal(3, receiver.Keys.Distinct(StringComparer.Ordinal).Count());
        var pending = waiting.Single(i => i.Status == "IN_PROGRESS");
        Assert.Equal(RemediationInventory.App(1), pending.AppId);
        Assert.False((await RemediationApi.CountsAsync(admin, id))!.Value.TryGetProperty("completedAt", out _));

        var tooLong = await admin.PostAsJsonAsync($"/api/v1/remediations/{pending.RemediationId}/status", new { status = "SUCCEED", info = new string('x', 256) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var report = await admin.PostAsJsonAsync($"/api/v1/remediations/{pending.RemediationId}/status", new { status = "SUCCEED", info = "ticket CHG-1 closed" });
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);

        await RemediationApi.SettledAsync(admin, id);
        var done = (await RemediationApi.ItemsAsync(admin, id)).Single(i => i.Id == pending.Id);
        Assert.Equal(("SUCCEEDED", "ticket CHG-1 closed", 1), (done.Status, done.Result, done.Attempts));
        Assert.Equal((3, 0), (receiver.Verified, receiver.Rejected));
        var again = await admin.PostAsJsonAsync($"/api/v1/remediations/{pending.RemediationId}/status", new { status = "FAILED", info = "late" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task Sign_TamperedBodyOrOldTimestamp_DoesNotVerify()
    {
        var now = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var header = WebhookSignature.Sign(Secret, now, "{\"a\":1}");

        Assert.True(WebhookSignature.Verify(Secret, header, "{\"a\":1}", now.AddMinutes(4), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, header, "{\"a\":2}", now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("other", header, "{\"a\":1}", now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, header, "{\"a\":1}", now.AddMinutes(6), TimeSpan.FromMinutes(5)));
    }

    private static ApiHost Host(LoopbackServer server) => new(new Dictionary<string, string?>
    {
        ["Remediation:Enabled"] = "true",
        ["Remediation:DefaultConnector"] = "webhook",
        ["Remediation:Webhook:Url"] = new Uri(server.Url, "hook").AbsoluteUri,
        ["Remediation:Webhook:Secret"] = Secret,
        ["Remediation:RetryBaseDelay"] = "00:00:00.050",
        ["Remediation:RetryMaxDelay"] = "00:00:00.200",
    });

    /// <summary>Checks each request's signature at the host's (fake) time, keeps its idempotency key; accepts one app's for a later report.</summary>
    private sealed class Receiver(string pendingApp)
    {
        private readonly ConcurrentQueue<string> keys = new();
        private int verified;
        private int rejected;

        public int Verified => Volatile.Read(ref verified);

        public int Rejected => Volatile.Read(ref rejected);

        public IEnumerable<string> Keys => keys;

        public async Task<IResult> HandleAsync(HttpRequest request)
        {
            var body = await LoopbackServer.BodyAsync(request);
            if (!WebhookSignature.Verify(Secret, request.Headers[WebhookSignature.Header], body, new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(5)))
            {
                Interlocked.Increment(ref rejected);
                return Results.Unauthorized();
            }

            Interlocked.Increment(ref verified);
            keys.Enqueue(request.Headers[WebhookSignature.IdempotencyHeader].ToString());
            using var json = JsonDocument.Parse(body);
            return json.RootElement.GetProperty("appId").GetString() == pendingApp
                ? Results.Json(new { status = "PENDING" }, statusCode: 202)
                : Results.Ok();
        }
    }
}
