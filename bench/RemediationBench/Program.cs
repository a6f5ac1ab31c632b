using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Bench.Shared;
using AccessReviewFunctions.Functions.Remediation;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AccessReviewFunctions.RemediationBench;

// Remediation fan-out: a review of `items` apps (default 10,000) expires with AUTO_REJECT_INCOMPLETE, so every item is
// revoked, and every revoke goes to a loopback webhook that answers 200 after 20 ms. Prints the time from the expiry
// to the review's remediation completedAt (it includes applying the automatic rejection to the rows), the time from
// the first webhook call to the last, items per second, the webhook calls (each key once?) and the queue calls per
// item on the remediation queue and on all queues together, counted in the host's queue transport.
// Usage: dotnet run -c Release --project bench/RemediationBench [items]
internal static class RemediationBenchProgram
{
    private const string Admin = "00uremediationadmin1";
    private const string Target = "00uremediationtgt001";
    private const string Reviewer = "00uremediationrev001";
    private const string AdminBase = "/governance/api/v2/security-access-reviews";

    public static async Task<int> Main(string[] args)
    {
        var items = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        await using var azurite = await BenchAzurite.TryStartAsync();
        if (azurite is null)
        {
            return 1;
        }

        Console.WriteLine($"{items:N0} revoked items against a webhook answering in 20 ms; before: {await MachineLoad.DescribeAsync()}");
        var calls = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var (first, last) = (0L, 0L);
        var clock = Stopwatch.StartNew();
        await using var webhook = await LoopbackServer.StartAsync(app => app.MapPost("/hook", async (HttpRequest request) =>
        {
            Interlocked.CompareExchange(ref first, clock.Elapsed.Ticks, 0);
            calls.AddOrUpdate(request.Headers["Idempotency-Key"].ToString(), 1, (_, n) => n + 1);
            await Task.Delay(20);
            Interlocked.Exchange(ref last, clock.Elapsed.Ticks);
            return Results.Ok();
        }));
        var counts = new QueueCounts();
        await using var host = new RemediationHost(azurite.ConnectionString, new Uri(webhook.Url, "hook"), counts);
        var admin = await host.ClientAsync(Admin, "SUPER_ADMIN");
        var preparing = Stopwatch.StartNew();
        (await admin.PostAsJsonAsync("/api/v1/inventory/import", Inventory(items))).EnsureSuccessStatusCode();
        var created = await (await admin.PostAsJsonAsync(AdminBase, new
        {
            principalId = Target, name = "Remediation bench", expirationBehavior = "AUTO_REJECT_INCOMPLETE",
            reviewerSettings = new { type = "USER", userSettings = new { includedUserIds = new[] { Reviewer } } },
        })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        await UntilAsync(admin, id, r => r.GetProperty("status").GetString() == "ACTIVE", TimeSpan.FromMinutes(20));
        Console.WriteLine($"review of {items:N0} items ACTIVE in {preparing.Elapsed.TotalSeconds:F0} s");

        await Task.Delay(TimeSpan.FromSeconds(2));
        counts.Reset();
        first = 0;
        clock.Restart();
        host.Clock.Advance(TimeSpan.FromDays(60));
        var done = await UntilAsync(admin, id, Settled, TimeSpan.FromMinutes(30));
        var elapsed = clock.Elapsed;
        var remediation = done.GetProperty("remediation");
        var succeeded = remediation.GetProperty("succeeded").GetInt32();
        var webhookSpan = TimeSpan.FromTicks(Interlocked.Read(ref last) - Interlocked.Read(ref first));
        Console.WriteLine($"expiry to completedAt: {elapsed.TotalSeconds:F1} s, {succeeded / elapsed.TotalSeconds:N0} items/s; {succeeded:N0} succeeded, {remediation.GetProperty("failed").GetInt32()} failed");
        Console.WriteLine($"first to last webhook call: {webhookSpan.TotalSeconds:F1} s, {succeeded / Math.Max(webhookSpan.TotalSeconds, 0.001):N0} items/s");
        Console.WriteLine($"webhook: {calls.Values.Sum():N0} calls for {calls.Count:N0} keys (at most {(calls.IsEmpty ? 0 : calls.Values.Max())} per key)");
        var remediationQueue = counts.ByQueue.GetValueOrDefault(RemediationQueues.Work);
        Console.WriteLine($"queue {RemediationQueues.Work}: {remediationQueue}; {(remediationQueue?.Operations ?? 0) / (double)items:F3} operations per item");
        foreach (var (queue, count) in counts.ByQueue.Where(q => q.Key != RemediationQueues.Work).OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"queue {queue}: {count}");
        }

        Console.WriteLine($"all queues: {counts.ByQueue.Values.Sum(c => c.Operations) / (double)items:F3} operations per item; after: {await MachineLoad.DescribeAsync()}");
        return succeeded == items && calls.Count == items ? 0 : 2;
    }

    private static bool Settled(JsonElement review) =>
        review.TryGetProperty("remediation", out var r) && r.ValueKind == JsonValueKind.Object && r.TryGetProperty("completedAt", out var at) && at.ValueKind == JsonValueKind.String;

    private static async Task<JsonElement> UntilAsync(HttpClient admin, string id, Func<JsonElement, bool> done, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using var response = await admin.GetAsync(new Uri($"{AdminBase}/{id}", UriKind.Relative));
            if (!response.IsSuccessStatusCode)
            {
                // Seen once at 10,000 items on a saturated machine: report it and keep waiting rather than lose the run.
                Console.WriteLine($"GET review after {deadline.Elapsed.TotalSeconds:F0} s: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                await Task.Delay(1000);
                continue;
            }

            var review = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (done(review))
            {
                return review;
            }

            if (deadline.Elapsed > timeout || review.GetProperty("status").GetString() == "ERROR")
            {
                throw new TimeoutException($"review {id} after {deadline.Elapsed}: {review}");
            }

            await Task.Delay(100);
        }
    }

    private static object Inventory(int apps)
    {
        const string Created = "2024-01-02T03:04:05Z";
        object User(string id, string name) => new { id, login = $"{name}@remediation.example", email = $"{name}@remediation.example", firstName = name, lastName = "Bench", status = "ACTIVE", created = Created };
        string App(int a) => string.Create(CultureInfo.InvariantCulture, $"0oaremedbench{a:D7}");
        return new
        {
            users = new[] { User(Admin, "admin"), User(Target, "target"), User(Reviewer, "reviewer") },
            applications = Enumerable.Range(0, apps).Select(a => new { id = App(a), name = $"app{a}", label = $"App {a:D5}" }),
            grants = Enumerable.Range(0, apps).Select(a => new
            {
                principalId = Target, appId = App(a), assignmentType = "INDIVIDUAL", assignedDate = Created, groupIds = Array.Empty<string>(),
                entitlementValueIds = Array.Empty<string>(), bundleIds = Array.Empty<string>(), accessCount90Days = 1,
            }),
        };
    }
}
