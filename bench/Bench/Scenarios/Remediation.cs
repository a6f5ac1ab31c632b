using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AccessReviewFunctions.Bench;

/// <summary>6a. Remediation fan-out: a review of N items expires with AUTO_REJECT_INCOMPLETE (the host's clock is moved
/// past its end), so every item is revoked through a loopback webhook answering after 20 ms: items/s from the expiry to
/// the remediation's completedAt, the webhook calls per key, and the queue requests per item. Size: items.</summary>
internal sealed class Remediation : IScenario
{
    public const string Name = "6 remediation";
    public static readonly Figure Rate = new(Name, "expiry → remediation completedAt", "items/s", EndToEnd: true);
    public static readonly Figure Repeats = new(Name, "webhook calls per item, most (at least once, one idempotency key)", "calls");
    public static readonly Figure QueueOps = new(Name, "queue requests per item", "requests");

    public string Key => "remediation";

    public string Title => Name;

    public IReadOnlyList<Figure> Figures => [Rate, Repeats, QueueOps];

    public int Size(bool quick) => quick ? 500 : 10_000;

    public TimeSpan Bound(int size) => TimeSpan.FromSeconds(Math.Min(600, 120 + (size * 0.06)));

    public async Task RunAsync(Run run)
    {
        var calls = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await using var webhook = await LoopbackServer.StartAsync(app => app.MapPost("/hook", async (HttpRequest request) =>
        {
            calls.AddOrUpdate(request.Headers["Idempotency-Key"].ToString(), 1, (_, n) => n + 1);
            await Task.Delay(20);
            return Results.Ok();
        }));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var host = new BenchHost(
            run.ConnectionString,
            new Dictionary<string, string?>
            {
                ["Remediation:Enabled"] = "true", ["Remediation:DefaultConnector"] = "webhook",
                ["Remediation:Webhook:Url"] = new Uri(webhook.Url, "hook").AbsoluteUri, ["Remediation:Webhook:Secret"] = "bench-webhook-secret",
            },
            services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
            });
        var admin = await host.ClientAsync(BenchInventory.Admin, "SUPER_ADMIN");
        await ReviewApi.ImportAsync(admin, BenchInventory.Document(1, run.Size, run.Size), run.Cancel);
        var id = await ReviewApi.CreateAsync(admin, 0, run.Cancel, expirationBehavior: "AUTO_REJECT_INCOMPLETE");
        await ReviewApi.UntilAsync("ACTIVE", 1, async () => (await ReviewApi.StatsAsync(admin, run.Cancel)).Active, run.Cancel);

        run.Ops.Reset();
        var elapsed = Stopwatch.StartNew();
        clock.Advance(TimeSpan.FromDays(60));
        await ReviewApi.UntilAsync("remediated", run.Size, async () => Settled(await ReviewApi.GetAsync(admin, $"{ReviewApi.AdminBase}/{id}", run.Cancel)) ?? calls.Count, run.Cancel);
        run.Record(Rate, run.Size / elapsed.Elapsed.TotalSeconds);
        run.Record(Repeats, calls.IsEmpty ? 0 : calls.Values.Max());
        run.Record(QueueOps, (double)run.Ops.OfService("queue") / run.Size);
        Progress.Say($"    storage requests: {run.Ops.Describe()}");
        if (calls.Count != run.Size)
        {
            throw new InvalidOperationException($"the webhook saw {calls.Count} of {run.Size} items");
        }
    }

    /// <summary>The items remediated once the remediation has its completedAt (null before).</summary>
    private static long? Settled(JsonElement review) =>
        review.TryGetProperty("remediation", out var r) && r.ValueKind == JsonValueKind.Object && r.TryGetProperty("completedAt", out var at) && at.ValueKind == JsonValueKind.String
            ? r.GetProperty("succeeded").GetInt32() + r.GetProperty("failed").GetInt32()
            : null;
}
