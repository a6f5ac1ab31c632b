using AccessReviewFunctions.Bench;
using AccessReviewFunctions.Bench.Shared;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

// Read latency of GET …/{id}/accesses?limit=200 and of a decision for a review of a principal with many app grants
// (2,000 by default): the host in-process (WebApplicationFactory, no network hop) over an in-memory Azurite. Runs
// with the item cache off and on (or one of them), and prints the storage requests (table/queue/blob) each step sent.
// Usage: dotnet run -c Release --project bench/ReadBench [warmup] [requests] [apps] [off|on|both]
internal static class ReadBench
{
    private static int apps = 2000;

    public static async Task Main(string[] args)
    {
        var warmup = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        apps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000;
        var caches = (args.Length > 3 ? args[3] : "both") switch
        {
            "off" => new[] { false },
            "on" => [true],
            _ => [false, true],
        };
        const string Principal = "00ubenchprincipal001";
        const string Reviewer = "00ubenchreviewer0001";
        const string Admin = "00ubenchadmin0000001";
        const string Base = "/governance/api/v2/security-access-reviews";

        using var calls = new StorageCalls();
        await using var azurite = await Azurite.StartAsync();
        calls.Watch(azurite.ConnectionString);
        Console.WriteLine($"{apps} app grants; warm-up {warmup}, then {requests} sequential requests per case; {await MachineLoad.DescribeAsync()}");
        foreach (var cache in caches)
        {
            using var host = new BenchHost(azurite.ConnectionString, cache);
            var admin = await host.ClientAsync(Admin, "SUPER_ADMIN");
            var reviewer = await host.ClientAsync(Reviewer);
            var clock = Stopwatch.StartNew();
            var before = calls.Snapshot;
            (await admin.PostAsJsonAsync("/api/v1/inventory/import", Inventory())).EnsureSuccessStatusCode();
            var import = clock.Elapsed;
            Console.WriteLine($"cache {(cache ? "on" : "off")}: import {import.TotalMilliseconds:F0} ms ({2 * apps / import.TotalSeconds:F0} apps+grants/s), storage calls {Delta(before, calls.Snapshot)}");
            before = calls.Snapshot;
            var created = await (await admin.PostAsJsonAsync(Base, new
            {
                principalId = Principal,
                name = "bench",
                reviewerSettings = new { type = "USER", userSettings = new { includedUserIds = new[] { Reviewer } } },
            })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            var id = created.GetProperty("id").GetString()!;
            clock.Restart();
            while ((await admin.GetFromJsonAsync<JsonElement>($"{Base}/{id}")).GetProperty("status").GetString() != "ACTIVE")
            {
                await Task.Delay(20);
            }

            Console.WriteLine($"cache {(cache ? "on" : "off")}: create->ACTIVE {clock.Elapsed.TotalMilliseconds:F0} ms, storage calls {Delta(before, calls.Snapshot)} (with polling)");
            foreach (var (label, query) in new[]
            {
                ("limit=200", "limit=200"),
                ("limit=200 + filter", "limit=200&filter=" + Uri.EscapeDataString("priority eq \"HIGH\" or name co \"App 1\"")),
                ("limit=200 + orderBy=lastAccess desc", "limit=200&orderBy=" + Uri.EscapeDataString("lastAccess desc")),
                ("limit=200 + filter + orderBy", "limit=200&filter=" + Uri.EscapeDataString("priority eq \"HIGH\"") + "&orderBy=" + Uri.EscapeDataString("lastAccess desc")),
            })
            {
                var url = $"{Base}/{id}/accesses?{query}";
                await MeasureAsync(cache, label, warmup, requests, calls, async _ =>
                {
                    var response = await admin.GetAsync(url);
                    await response.Content.ReadAsByteArrayAsync();
                    response.EnsureSuccessStatusCode();
                });
            }

            var page = await reviewer.GetFromJsonAsync<JsonElement>($"/governance/api/v2/my/security-access-reviews/{id}/accesses?limit=200");
            var items = page.GetProperty("data").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray();
            await MeasureAsync(cache, "decision (revoke/restore in turn)", warmup, requests, calls, async n =>
            {
                var type = n / items.Length % 2 == 0 ? "REVOKE_ACCESS" : "RESTORE_ACCESS";
                using var response = await reviewer.PostAsJsonAsync($"/governance/api/v2/my/security-access-reviews/{id}/accesses/{items[n % items.Length]}/actions", new { type });
                response.EnsureSuccessStatusCode();
            });
        }

        static string Delta((long Tables, long Queues, long Blobs) from, (long Tables, long Queues, long Blobs) to) =>
            $"tables {to.Tables - from.Tables}, queues {to.Queues - from.Queues}, blobs {to.Blobs - from.Blobs}";

        static async Task MeasureAsync(bool cache, string label, int warmup, int requests, StorageCalls calls, Func<int, Task> send)
        {
            var times = new List<double>(requests);
            var before = calls.Snapshot;
            for (var i = 0; i < warmup + requests; i++)
            {
                if (i == warmup)
                {
                    before = calls.Snapshot;
                }

                var start = Stopwatch.GetTimestamp();
                await send(i);
                if (i >= warmup)
                {
                    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }

            var after = calls.Snapshot;
            times.Sort();
            double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
            Console.WriteLine($"  cache {(cache ? "on " : "off")} {label,-36} p50 {At(0.5),7:F1} ms  p95 {At(0.95),7:F1} ms  max {times[^1],7:F1} ms" +
                $"  table calls/request {(after.Tables - before.Tables) / (double)requests:F1}");
        }

        static object Inventory()
        {
            const string created = "2024-01-02T03:04:05Z";
            object User(string id, string name) => new
            {
                id, login = $"{name}@bench.example", email = $"{name}@bench.example", firstName = name, lastName = "Bench", status = "ACTIVE", created,
            };
            var applications = Enumerable.Range(0, apps).Select(i => new
            {
                id = $"0oabench{i:D12}",
                name = $"app{i}",
                label = $"App {i}",
                governanceLabels = i % 10 == 0 ? new[] { "Crown Jewel" } : [],
            }).ToList();
            var random = new Random(42);
            return new
            {
                users = new[] { User(Principal, "principal"), User(Reviewer, "reviewer"), User(Admin, "admin") },
                applications,
                groups = Enumerable.Range(0, 20).Select(i => new { id = $"00gbench{i:D12}", appId = applications[i].id, name = $"Group {i}", description = "bench group" }),
                entitlements = Enumerable.Range(0, 10).Select(i => new
                {
                    id = $"espbench{i:D12}", appId = applications[100 + i].id, name = $"Role {i}", description = "bench role",
                    values = new[] { new { id = $"entbench{i:D12}", name = "admin", description = "Administrator" } },
                }),
                bundles = Array.Empty<object>(),
                grants = applications.Select((app, i) => new
                {
                    principalId = Principal,
                    appId = app.id,
                    assignmentType = (i % 3) switch { 0 => "INDIVIDUAL", 1 => "GROUP", _ => "ACCESS_REQUEST" },
                    assignedDate = created,
                    groupIds = i < 20 ? new[] { $"00gbench{i:D12}" } : [],
                    entitlementValueIds = i is >= 100 and < 110 ? new[] { $"entbench{i - 100:D12}" } : [],
                    bundleIds = Array.Empty<string>(),
                    lastAccess = i % 4 == 0 ? null : DateTimeOffset.UtcNow.AddDays(-random.Next(1, 200)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    accessCount90Days = random.Next(0, 50),
                }),
            };
        }
    }
}

internal sealed class BenchHost(string connectionString, bool cache) : WebApplicationFactory<Program>
{
    public async Task<HttpClient> ClientAsync(string subject, params string[] roles)
    {
        var client = CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        var token = await (await client.PostAsJsonAsync("/dev/token", new { sub = subject, roles })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Bench");
        builder.UseContentRoot(Path.Combine(Azurite.RepoRoot(), "src", "Functions"));
        // Only the queue runtime's warnings, such as a message that outlived its lease and may run twice.
        builder.ConfigureLogging(logging => logging.ClearProviders().AddConsole()
            .AddFilter((category, level) => level >= LogLevel.Warning && category?.Contains(".Runtime.Queues.", StringComparison.Ordinal) == true));
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Storage:Prefix"] = "b" + Guid.NewGuid().ToString("N")[..10],
            ["Auth:DevTokens"] = "true",
            ["Auth:SigningKey"] = "bench-signing-key-0123456789abcdef0123456789",
            ["Inventory:LoadDemoData"] = "false",
            ["Reviews:ItemCache"] = cache ? "true" : "false",
            // The bench measures handler and storage time; the per-caller budget would cut it short.
            ["RateLimiting:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
        }));
    }
}
