using AccessReviewFunctions.Bench.Shared;
using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Azure.Data.Tables;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

// 1. Risk events end to end: N user.risk.detect HIGH events (one principal each, ~20 grants, a manager) posted as
//    event hook deliveries of 100, until every event has its outcome and N reviews are ACTIVE. 2. System Log reads:
//    events seeded straight into the log table in batches through the storage layer's own key and chain scheme
//    (hash-chained, one 30-day window of hour buckets per step of the curve), then GET /api/v1/logs?limit=1000 at
//    several positions of the first window after each step. In-process host over an in-memory Azurite.
// Usage: dotnet run -c Release --project bench/RiskBench [events] [stored[,stored...]] [requests] [seed-minutes]
//    e.g. -- 1000 100000,300000,1000000 10 40: the log read curve at 100k, 300k and 1M stored events; seeding stops
//    at the step it reaches after seed-minutes (Azurite's in-memory store may not hold or take 1M in time).
internal static class RiskBench
{
    private const string Admin = "00ubenchadmin0000001";
    private const string Manager = "00ubenchmanager00001";
    private const int AppCount = 40;
    private const int GrantsPerPrincipal = 20;

    public static async Task Main(string[] args)
    {
        var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var stored = args.Length > 1 ? args[1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [100_000];
        var requests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        var seedBudget = TimeSpan.FromMinutes(args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 30);
        await using var azurite = await Azurite.StartAsync();
        using var host = new RiskBenchHost(azurite.ConnectionString);
        var admin = await host.ClientAsync(Admin, "SUPER_ADMIN");
        if (events > 0)
        {
            await RiskEventsAsync(admin, events);
        }

        await LogCurveAsync(admin, azurite.ConnectionString, host.Prefix, stored, requests, seedBudget);
    }

    private static async Task RiskEventsAsync(HttpClient admin, int events)
    {
        // 100 principals per import (each with the apps, the admin and the manager): one import of 20,000 grants times
        // out in storage on a loaded machine.
        foreach (var chunk in Enumerable.Range(0, events).Chunk(100))
        {
            await PostAsync(admin, "/api/v1/inventory/import", Inventory(chunk));
        }

        var clock = Stopwatch.StartNew();
        foreach (var batch in Enumerable.Range(0, events).Chunk(100))
        {
            var body = new { data = new { events = batch.Select(i => RiskEvent(i)).ToList() } };
            await PostAsync(admin, "/api/v1/risk-events", body);
        }

        var posted = clock.Elapsed;
        var active = 0;
        TimeSpan? handled = null;
        while (active < events)
        {
            await Task.Delay(250);
            var stats = await admin.GetFromJsonAsync<JsonElement>("/governance/api/v2/security-access-reviews/stats");
            active = stats.GetProperty("activeCount").GetInt32();
            if (handled is null && stats.GetProperty("pendingCount").GetInt32() + active >= events)
            {
                handled = clock.Elapsed; // every event has created its review (PENDING or ACTIVE): the risk-event handler's part
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(15))
            {
                Console.WriteLine($"gave up: {active} ACTIVE after {clock.Elapsed.TotalSeconds:F0} s");
                return;
            }
        }

        Console.WriteLine($"risk events: {events} posted in {posted.TotalSeconds:F1} s; {events} reviews created after {handled?.TotalSeconds ?? clock.Elapsed.TotalSeconds:F1} s " +
            $"({events / (handled ?? clock.Elapsed).TotalSeconds:F1} events/s handled); {events} ACTIVE after {clock.Elapsed.TotalSeconds:F1} s " +
            $"=> {events / clock.Elapsed.TotalSeconds:F1} events/s end to end ({GrantsPerPrincipal} grants per principal)");
    }

    private static readonly DateTimeOffset LogStart = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>Seeds up to each size in turn (each step in a 30-day window of its own) and times the reads of the first window after each.</summary>
    /// <summary>Posts, retrying a 503 (storage timing out on a loaded machine); both posts here are idempotent.</summary>
    private static async Task PostAsync(HttpClient client, string path, object body)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await client.PostAsJsonAsync(path, body);
            if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || attempt == 5)
            {
                response.EnsureSuccessStatusCode();
                return;
            }

            Console.WriteLine($"  {path}: 503, retrying ({attempt})");
            await Task.Delay(TimeSpan.FromSeconds(2 * attempt));
        }
    }

    private static async Task LogCurveAsync(HttpClient admin, string connectionString, string prefix, int[] sizes, int requests, TimeSpan seedBudget)
    {
        var table = new TableServiceClient(connectionString).GetTableClient(prefix + "systemlog");
        await table.CreateIfNotExistsAsync();
        var total = 0;
        var seeding = Stopwatch.StartNew();
        for (var k = 0; k < sizes.Length; k++)
        {
            var add = sizes[k] - total;
            var clock = Stopwatch.StartNew();
            var buckets = await SeedAsync(table, LogStart + (Window * k), add);
            total = sizes[k];
            Console.WriteLine($"seeded {add:N0} events in {buckets} hour buckets in {clock.Elapsed.TotalSeconds:F0} s ({add / clock.Elapsed.TotalSeconds:F0}/s); {total:N0} stored");
            await LogReadsAsync(admin, LogStart, requests);
            if (seeding.Elapsed > seedBudget && k < sizes.Length - 1)
            {
                Console.WriteLine($"stopped at {total:N0}: seeding took {seeding.Elapsed.TotalMinutes:F0} min, over the {seedBudget.TotalMinutes:F0} min budget");
                return;
            }
        }
    }

    /// <summary>Writes <paramref name="count"/> chained events spread evenly over the window from <paramref name="start"/>, one transaction per 99 entries of a bucket; returns the bucket count.</summary>
    private static async Task<int> SeedAsync(TableClient table, DateTimeOffset start, int count)
    {
        var step = Window / count;
        var buckets = Enumerable.Range(0, count).Select(i => start + (step * i)).GroupBy(LogChain.Bucket).ToList();
        await Parallel.ForEachAsync(buckets, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (bucket, ct) =>
        {
            var head = ChainHead.Empty;
            foreach (var chunk in bucket.Chunk(99))
            {
                var actions = new List<TableTransactionAction>();
                foreach (var at in chunk)
                {
                    var uuid = Guid.CreateVersion7(at).ToString();
                    var e = LogEvent(uuid, at);
                    var key = LogChain.Key(at, uuid);
                    var link = LogChain.Append(head, key, JsonSerializer.Serialize(e, JsonSerializerOptions.Web));
                    head = new ChainHead(link.Sequence, link.Hash);
                    actions.Add(new(TableTransactionActionType.Add, new TableEntity(bucket.Key, key)
                    {
                        ["Json"] = link.Text, ["Seq"] = link.Sequence, ["PrevHash"] = link.PreviousHash, ["Hash"] = link.Hash, ["EventType"] = e.EventType, ["Uuid"] = uuid,
                    }));
                }

                await table.SubmitTransactionAsync(actions, ct);
            }

            await table.UpsertEntityAsync(new TableEntity(bucket.Key, "~chain") { ["Count"] = head.Count, ["Hash"] = head.LastHash }, cancellationToken: ct);
        });
        return buckets.Count;
    }

    private static async Task LogReadsAsync(HttpClient admin, DateTimeOffset start, int requests)
    {
        var span = Window;
        var clock = Stopwatch.StartNew();
        string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        var middle = start + (span / 2);
        foreach (var (label, query) in new[]
        {
            ("first 1000 of the whole window", $"since={Iso(start)}&until={Iso(start + span)}&limit=1000"),
            ("1000 from the middle (since)", $"since={Iso(middle)}&until={Iso(start + span)}&limit=1000"),
            ("1000 DESCENDING from the end", $"since={Iso(start)}&until={Iso(start + span)}&limit=1000&sortOrder=DESCENDING"),
            ("since/until: 2 hours, whole (limit 1000)", $"since={Iso(middle)}&until={Iso(middle.AddHours(2))}&limit=1000"),
            ("1000 of one day, filter eventType", $"since={Iso(middle)}&until={Iso(middle.AddDays(1))}&limit=1000&filter=" + Uri.EscapeDataString("eventType eq \"access.review.action\"")),
        })
        {
            var times = new List<double>();
            var count = 0;
            for (var i = 0; i < requests + 2; i++)
            {
                var begin = Stopwatch.GetTimestamp();
                var response = await admin.GetAsync($"/api/v1/logs?{query}");
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                response.EnsureSuccessStatusCode();
                count = body.GetArrayLength();
                if (i >= 2)
                {
                    times.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                }
            }

            times.Sort();
            double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
            Console.WriteLine($"  {label,-38} {count,5} events  p50 {At(0.5),7:F1} ms  p95 {At(0.95),7:F1} ms  max {times[^1],7:F1} ms");
        }

        clock.Restart();
        var verify = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/logs/verify?since={Iso(middle)}&until={Iso(middle.AddDays(1))}");
        Console.WriteLine($"  verify one day ({verify.GetProperty("entries").GetInt64()} entries, intact {verify.GetProperty("intact").GetBoolean()}): {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    private static AuditEvent LogEvent(string uuid, DateTimeOffset at) => new(
        uuid, at, AuditTypes.EventTypes[(int)(at.UtcTicks / 1000 % AuditTypes.EventTypes.Count)], "0", AuditTypes.Info, "bench event",
        new AuditActor("00ubenchuser", AuditTypes.User, "00ubenchuser", "00ubenchuser"), new AuditClient("203.0.113.7"), new AuditAuthenticationContext(), new AuditSecurityContext(),
        [new AuditTarget("sarbench", AuditTypes.Review, "bench", "bench")], new AuditOutcome(AuditTypes.Success, "bench"),
        new AuditTransaction(AuditTypes.Web, uuid), new AuditDebugContext(new Dictionary<string, string> { ["reviewId"] = "sarbench" }));

    private static string Principal(int i) => $"00ubenchp{i:D11}";

    private static object RiskEvent(int i) => new
    {
        uuid = $"bench-risk-{i:D6}",
        eventType = "user.risk.detect",
        published = "2026-01-05T09:00:00Z",
        actor = new { id = "risk-engine", type = "SystemPrincipal" },
        target = new[] { new { id = Principal(i), type = "User", displayName = $"P{i}" } },
        outcome = new { result = "SUCCESS" },
        debugContext = new { debugData = new { risk = "{level=HIGH, reasons=Anomalous Device}" } },
    };

    private static object Inventory(int[] principals)
    {
        const string created = "2024-01-02T03:04:05Z";
        object User(string id, string name, string? manager) => new
        {
            id, login = $"{name}@bench.example", email = $"{name}@bench.example", firstName = name, lastName = "Bench", status = "ACTIVE", created, managerId = manager,
        };
        var apps = Enumerable.Range(0, AppCount).Select(i => new { id = $"0oabench{i:D12}", name = $"app{i}", label = $"App {i}", governanceLabels = Array.Empty<string>() }).ToList();
        return new
        {
            users = new[] { User(Admin, "admin", null), User(Manager, "manager", null) }.Concat(principals.Select(i => User(Principal(i), $"p{i}", Manager))),
            applications = apps,
            groups = Array.Empty<object>(),
            entitlements = Array.Empty<object>(),
            bundles = Array.Empty<object>(),
            grants = principals.SelectMany(p => Enumerable.Range(0, GrantsPerPrincipal).Select(g => new
            {
                principalId = Principal(p), appId = apps[(p + g) % AppCount].id, assignmentType = "INDIVIDUAL", assignedDate = created,
                groupIds = Array.Empty<string>(), entitlementValueIds = Array.Empty<string>(), bundleIds = Array.Empty<string>(), accessCount90Days = g,
            })),
        };
    }
}

internal sealed class RiskBenchHost(string connectionString) : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings = BenchHostSettings.For(connectionString, 'b');

    public string Prefix => settings["Storage:Prefix"]!;

    public Task<HttpClient> ClientAsync(string subject, params string[] roles) =>
        BenchClients.AuthorizeAsync(CreateClient(), new { sub = subject, roles }, TimeSpan.FromMinutes(5));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Bench");
        builder.UseContentRoot(Path.Combine(Azurite.RepoRoot(), "src", "Functions"));
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
    }
}
