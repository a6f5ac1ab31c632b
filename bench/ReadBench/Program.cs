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

// Read latency of GET …/{id}/accesses?limit=200 for a review of a principal with 2,000 app grants: the host
// in-process (WebApplicationFactory, no network hop) over an in-memory Azurite. Runs once with the item
// cache off and once with it on. Usage: dotnet run -c Release --project bench/ReadBench [warmup] [requests]
internal static class ReadBench
{
    public static async Task Main(string[] args)
    {
        var warmup = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        const int Apps = 2000;
        const string Principal = "00ubenchprincipal001";
        const string Reviewer = "00ubenchreviewer0001";
        const string Admin = "00ubenchadmin0000001";
        const string Base = "/governance/api/v2/security-access-reviews";

        await using var azurite = await Azurite.StartAsync();
        Console.WriteLine($"{Apps} app grants; warm-up {warmup}, then {requests} sequential requests per case");
        foreach (var cache in new[] { false, true })
        {
            using var host = new BenchHost(azurite.ConnectionString, cache);
            var admin = await host.ClientAsync(Admin, "SUPER_ADMIN");
            var clock = Stopwatch.StartNew();
            (await admin.PostAsJsonAsync("/api/v1/inventory/import", Inventory())).EnsureSuccessStatusCode();
            var import = clock.Elapsed;
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

            Console.WriteLine($"cache {(cache ? "on" : "off")}: import {import.TotalMilliseconds:F0} ms, create->ACTIVE {clock.Elapsed.TotalMilliseconds:F0} ms");
            foreach (var (label, query) in new[]
            {
                ("limit=200", "limit=200"),
                ("limit=200 + filter", "limit=200&filter=" + Uri.EscapeDataString("priority eq \"HIGH\" or name co \"App 1\"")),
                ("limit=200 + orderBy=lastAccess desc", "limit=200&orderBy=" + Uri.EscapeDataString("lastAccess desc")),
            })
            {
                var url = $"{Base}/{id}/accesses?{query}";
                var times = new List<double>(requests);
                for (var i = 0; i < warmup + requests; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    var response = await admin.GetAsync(url);
                    await response.Content.ReadAsByteArrayAsync();
                    response.EnsureSuccessStatusCode();
                    if (i >= warmup)
                    {
                        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    }
                }

                times.Sort();
                double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
                Console.WriteLine($"  cache {(cache ? "on " : "off")} {label,-36} p50 {At(0.5),7:F1} ms  p95 {At(0.95),7:F1} ms  max {times[^1],7:F1} ms");
            }
        }

        static object Inventory()
        {
            const string created = "2024-01-02T03:04:05Z";
            object User(string id, string name) => new
            {
                id, login = $"{name}@bench.example", email = $"{name}@bench.example", firstName = name, lastName = "Bench", status = "ACTIVE", created,
            };
            var apps = Enumerable.Range(0, Apps).Select(i => new
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
                applications = apps,
                groups = Enumerable.Range(0, 20).Select(i => new { id = $"00gbench{i:D12}", appId = apps[i].id, name = $"Group {i}", description = "bench group" }),
                entitlements = Enumerable.Range(0, 10).Select(i => new
                {
                    id = $"espbench{i:D12}", appId = apps[100 + i].id, name = $"Role {i}", description = "bench role",
                    values = new[] { new { id = $"entbench{i:D12}", name = "admin", description = "Administrator" } },
                }),
                bundles = Array.Empty<object>(),
                grants = apps.Select((app, i) => new
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
        builder.ConfigureLogging(logging => logging.ClearProviders());
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
