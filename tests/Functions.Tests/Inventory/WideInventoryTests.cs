using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using AccessReviewFunctions.Functions.Tests.Reviews;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Inventory.InventoryData;

namespace AccessReviewFunctions.Functions.Tests.Inventory;

/// <summary>
/// A principal with more apps than the inventory's buckets hold per-app reads for (every bucket is then read whole),
/// beside a principal with one app (read by its key range): both gather exactly their own grants and resources.
/// </summary>
public sealed class WideInventoryTests : IDisposable
{
    private const int Apps = 400;
    private readonly ApiHost host = new();

    [Fact]
    public async Task Gather_WidePrincipal_ExactlyItsItemsSubItemsAndCounts()
    {
        var admin = host.AsAdmin();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/inventory/import", Json(Document()))).StatusCode);

        var wide = await ActiveReviewAsync(admin, Id(1));
        var narrow = await ActiveReviewAsync(admin, Id(2));

        var items = await AllItemsAsync(admin, wide);
        Assert.Equal(Enumerable.Range(0, Apps).Select(App).Order(StringComparer.Ordinal), items.Select(i => i.GetProperty("resourceId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(items, i => Assert.Equal($"Label {i.GetProperty("resourceId").GetString()![^4..]}", i.GetProperty("appInfo").GetProperty("label").GetString()));
        var withGroup = items.Where(i => i.TryGetProperty("subAccessTypes", out var t) && t.ValueKind == JsonValueKind.Array).ToList();
        Assert.Equal(Enumerable.Range(0, Apps).Where(i => i % 50 == 0).Select(App), withGroup.Select(i => i.GetProperty("resourceId").GetString()).Order(StringComparer.Ordinal));
        var sub = (await ReviewsApi.GetAsync(admin, $"{ReviewsApi.Admin}/{wide}/accesses/{withGroup[0].GetProperty("id").GetString()}/sub-accesses")).GetProperty("data");
        Assert.Equal($"Group {withGroup[0].GetProperty("resourceId").GetString()![^4..]}", Assert.Single(sub.EnumerateArray()).GetProperty("name").GetString());
        var narrowItem = Assert.Single(await AllItemsAsync(admin, narrow));
        Assert.Equal(App(7), narrowItem.GetProperty("resourceId").GetString());

        var store = host.Services.GetRequiredService<IInventoryStore>();
        var stats = (await store.GetAssignmentStatsAsync([.. Enumerable.Range(0, Apps).Select(App)], CancellationToken.None)).ToDictionary(s => s.AppId);
        Assert.Equal(Apps, stats.Count);
        Assert.Equal("1/1/0", Counts(stats[App(7)]));
        Assert.Equal("1/0/0", Counts(stats[App(1)]));
        Assert.Equal("0/1/0", Counts(stats[App(0)]));
        Assert.Equal("1/1/0", Counts(Assert.Single(await store.GetAssignmentStatsAsync([App(7)], CancellationToken.None))));
    }

    /// <summary>INDIVIDUAL/GROUP/ACCESS_REQUEST holders of one app.</summary>
    private static string Counts(AppAssignmentStats stats) =>
        $"{stats.UsersByAssignmentType[AssignmentType.INDIVIDUAL]}/{stats.UsersByAssignmentType[AssignmentType.GROUP]}/{stats.UsersByAssignmentType[AssignmentType.ACCESS_REQUEST]}";

    private static string App(int n) => $"0oawide{n:D13}";

    /// <summary>User 1 holds every app (INDIVIDUAL on odd, GROUP on even ones); user 2 holds app 7 (GROUP); every 50th app has a group, held by user 1.</summary>
    private static InventoryDocument Document()
    {
        var apps = Enumerable.Range(0, Apps).Select(i => new Application(App(i), $"wide{i}", $"Label {i:D4}", [], null)).ToList();
        var groups = Enumerable.Range(0, Apps).Where(i => i % 50 == 0).Select(i => new AppGroup($"00gwide{i:D13}", App(i), $"Group {i:D4}", null)).ToList();
        var grants = Enumerable.Range(0, Apps).Select(i => new Grant(
                Id(1), App(i), i % 2 == 1 ? AssignmentType.INDIVIDUAL : AssignmentType.GROUP, Created, i % 50 == 0 ? [$"00gwide{i:D13}"] : [], [], [], null, 0))
            .Append(new Grant(Id(2), App(7), AssignmentType.GROUP, Created, [], [], [], null, 0))
            .ToList();
        return new InventoryDocument([User(1), User(2), User(3, "Rita", "Viewer")], apps, groups, [], [], grants, []);
    }

    private static async Task<string> ActiveReviewAsync(HttpClient admin, string principal)
    {
        var id = (await ReviewsApi.CreateAsync(admin, ReviewsApi.Body(principal, [Id(3)]))).GetProperty("id").GetString()!;
        await ReviewsApi.WaitForStatusAsync(admin, id, "ACTIVE");
        return id;
    }

    private static async Task<List<JsonElement>> AllItemsAsync(HttpClient admin, string reviewId)
    {
        var items = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await ReviewsApi.GetAsync(admin, $"{ReviewsApi.Admin}/{reviewId}/accesses?limit=200" + (after is null ? string.Empty : $"&after={after}"));
            var data = page.GetProperty("data").EnumerateArray().ToList();
            items.AddRange(data);
            after = data.Count == 200 ? data[^1].GetProperty("id").GetString() : null;
        }
        while (after is not null);
        return items;
    }

    public void Dispose() => host.Dispose();
}
