using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using AccessReviewFunctions.Functions.Tests.Reviews;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AccessReviewFunctions.Functions.Tests.Inventory;

public sealed class DemoInventoryLoaderTests(ITestOutputHelper output) : IDisposable
{
    private readonly ApiHost host = new(new Dictionary<string, string?> { ["Inventory:LoadDemoData"] = "true" });

    [Fact]
    public async Task Upsert_DemoTwice_CountsStayExact()
    {
        using var quiet = new ApiHost();
        // The store itself: its assignment counters, which the API shows only as severities.
        var store = quiet.Services.GetRequiredService<IInventoryStore>();
        var demo = DemoInventory.Create(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        await store.UpsertAsync(demo, CancellationToken.None);
        output.WriteLine($"demo upsert: {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
        await store.UpsertAsync(demo, CancellationToken.None);

        var appIds = demo.Applications.Select(a => a.Id).ToList();
        var stats = await store.GetAssignmentStatsAsync(appIds, CancellationToken.None);
        Assert.Equal(appIds, stats.Select(s => s.AppId));
        foreach (var app in stats)
        {
            foreach (var type in Enum.GetValues<AssignmentType>())
            {
                Assert.Equal(demo.Grants.Count(g => g.AppId == app.AppId && g.AssignmentType == type), app.UsersByAssignmentType[type]);
            }
        }

        Assert.Equal(DemoInventory.UserCount, stats.Single(s => s.AppId == DemoInventory.AppId("slack")).UsersByAssignmentType.Values.Sum());
    }

    [Fact]
    public async Task Startup_LoadDemoData_WellKnownPrincipalsAndAccessAvailable()
    {
        var client = host.AsAdmin();
        var loader = host.Services.GetServices<IHostedService>().OfType<DemoInventoryLoader>().Single();

        await loader.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));

        var admin = await client.GetFromJsonAsync<JsonElement>($"/api/v1/users/{DemoInventory.AdminId}");
        Assert.Equal("admin@acme.example", admin.GetProperty("profile").GetProperty("login").GetString());
        var reviewers = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/users?q=reviewer");
        Assert.Equal(DemoInventory.ReviewerIds, reviewers!.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users?limit=200")).StatusCode);
        var review = await ReviewsApi.CreateAsync(client, ReviewsApi.Body(DemoInventory.TargetId, [DemoInventory.ReviewerIds[0]]));
        var id = review.GetProperty("id").GetString()!;
        await ReviewsApi.WaitForStatusAsync(client, id, "ACTIVE");
        var items = await AccessesApi.ItemsAsync(client, id);
        Assert.Equal(12, items.Select(i => i.AppId).Distinct().Count());
        Assert.Equal(12, items.Count);
    }

    public void Dispose() => host.Dispose();
}
