using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Remediation.Connectors;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Remediation;

/// <summary>The host killed with SIGKILL in the middle of a fan-out, then started again over the same storage.</summary>
public sealed class RemediationCrashTests
{
    private const int Apps = 200;

    [Fact]
    public async Task HostKilledMidFanOut_Restarted_EveryItemRemediatedAndEachChangeAppliedOnce()
    {
        var receiver = new KeyedReceiver();
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/hook", receiver.HandleAsync));
        var prefix = "c" + Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string>
        {
            ["Remediation__DefaultConnector"] = "webhook",
            ["Remediation__Webhook__Url"] = new Uri(server.Url, "hook").AbsoluteUri,
            ["Remediation__Webhook__Secret"] = "crash-test",
            ["Remediation__Concurrency"] = "2",
            ["Reviews__MinDuration"] = "00:00:01",
        };
        var first = await HostProcess.StartAsync(prefix, settings);
        var admin = await first.AsAsync(TestInventory.Admin, "SUPER_ADMIN");
        await RemediationInventory.ImportAsync(admin, Apps);
        var body = new
        {
            principalId = TestInventory.Target, name = "Crash test", endTime = DateTimeOffset.UtcNow.AddSeconds(20).ToString("O"),
            expirationBehavior = "AUTO_REJECT_INCOMPLETE",
            reviewerSettings = new { type = "USER", userSettings = new { includedUserIds = new[] { TestInventory.ReviewerA } } },
        };
        var id = (await CreateAsync(admin, body)).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "CLOSED", TimeSpan.FromMinutes(2));

        await Eventually.WaitAsync(() => receiver.Keys >= 30, TimeSpan.FromMinutes(2));
        first.Dispose(); // SIGKILL
        var beforeKill = receiver.Keys;
        Assert.True(beforeKill < Apps, $"the fan-out finished ({beforeKill} changes) before the kill");

        using var second = await HostProcess.StartAsync(prefix, settings);
        admin = await second.AsAsync(TestInventory.Admin, "SUPER_ADMIN");
        await RemediationApi.SettledAsync(admin, id, TimeSpan.FromMinutes(3));

        var items = await RemediationApi.ItemsAsync(admin, id);
        Assert.Equal(Apps, items.Count(i => i.Status == "SUCCEEDED"));
        Assert.Equal(Apps, receiver.Keys);
        Assert.All(receiver.KeysPerApp.Values, n => Assert.Equal(1, n));
        Assert.Equal(Apps, receiver.KeysPerApp.Count);
    }

    /// <summary>A receiver that honours idempotency keys: it applies a key's change once and counts the distinct keys per app.</summary>
    private sealed class KeyedReceiver
    {
        private readonly ConcurrentDictionary<string, string> applied = new(StringComparer.Ordinal);

        public int Keys => applied.Count;

        public IReadOnlyDictionary<string, int> KeysPerApp => applied.Values.GroupBy(a => a, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        public async Task<IResult> HandleAsync(HttpRequest request)
        {
            using var json = JsonDocument.Parse(await LoopbackServer.BodyAsync(request));
            await Task.Delay(20);
            applied.TryAdd(request.Headers[WebhookSignature.IdempotencyHeader].ToString(), json.RootElement.GetProperty("appId").GetString()!);
            return Results.Ok();
        }
    }
}
