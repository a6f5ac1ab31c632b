using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

public sealed class ReviewExpiryTests
{
    [Fact]
    public async Task AutoRejectIncomplete_EndTime_RevokesUndecidedWithNote()
    {
        using var host = new ApiHost();
        var (admin, id) = await StartAsync(host, new { expirationBehavior = "AUTO_REJECT_INCOMPLETE", expirationNote = "Not reviewed in time" });
        var first = (await AccessesApi.ItemsAsync(admin, id))[0];
        await host.As(TestInventory.ReviewerA).PostAsJsonAsync($"{My}/{id}/accesses/{first.Id}/actions", new { type = "REVOKE_ACCESS" });
        var review = await GetAsync(admin, $"{Admin}/{id}");
        Assert.Equal(("AUTO_REJECT_INCOMPLETE", "Not reviewed in time"), (review.GetProperty("expirationBehavior").GetString(), review.GetProperty("expirationNote").GetString()));

        host.Clock.Advance(TimeSpan.FromDays(8));

        await WaitForStatusAsync(admin, id, "CLOSED");
        await Eventually.GetAsync(() => HistoryAsync(admin, id), h => h.Any(m => m.StartsWith("automatically", StringComparison.Ordinal)), what: "the automatic rejections");
        var items = await AccessesApi.ItemsAsync(admin, id);
        Assert.All(items, i => Assert.True(i.Revoked));
        Assert.Equal(2, items.Count(i => i.Automatic && i.Note == "Not reviewed in time" && i.DecidedBy == "system"));
        Assert.Equal(TestInventory.ReviewerA, items.Single(i => i.Id == first.Id).DecidedBy);
        Assert.Contains("automatically revoked 2 undecided access items at the end time: Not reviewed in time", await HistoryAsync(admin, id));
        Assert.All(await AccessesApi.AllSubItemsAsync(admin, id), s => Assert.True(s.Revoked));
    }

    [Fact]
    public async Task DoNothing_EndTime_UndecidedStayUndecided()
    {
        using var host = new ApiHost();
        var (admin, id) = await StartAsync(host, new { expirationBehavior = "DO_NOTHING" });

        host.Clock.Advance(TimeSpan.FromDays(8));

        await WaitForStatusAsync(admin, id, "CLOSED");
        await host.Services.QuietAsync();
        Assert.All(await AccessesApi.ItemsAsync(admin, id), i => Assert.Null(i.Decision));
        Assert.All(await AccessesApi.AllSubItemsAsync(admin, id), s => Assert.Null(s.Decision));
        Assert.DoesNotContain(await HistoryAsync(admin, id), m => m.StartsWith("automatically", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Defaults_FromConfiguration_AppliedToNewReviews()
    {
        using var host = new ApiHost(new Dictionary<string, string?>
        {
            ["Reviews:ExpirationBehavior"] = "AUTO_REJECT_INCOMPLETE",
            ["Reviews:ExpirationNote"] = "Org policy",
            ["Reviews:AutoComplete"] = "true",
        });
        await TestInventory.ImportAsync(host);

        var review = await CreateAsync(host.AsAdmin(), Body());

        Assert.Equal("AUTO_REJECT_INCOMPLETE", review.GetProperty("expirationBehavior").GetString());
        Assert.Equal("Org policy", review.GetProperty("expirationNote").GetString());
        Assert.True(review.GetProperty("autoComplete").GetBoolean());
    }

    [Fact]
    public async Task Create_BadExpirationBehavior_400()
    {
        using var host = new ApiHost();
        await TestInventory.ImportAsync(host);

        var response = await host.AsAdmin().PostAsJsonAsync(Admin, new
        {
            principalId = TestInventory.Target, name = "x", expirationBehavior = "EXPLODE",
            reviewerSettings = new { type = "USER", userSettings = new { includedUserIds = new[] { TestInventory.ReviewerA } } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expirationBehavior: must be DO_NOTHING or AUTO_REJECT_INCOMPLETE", Causes(await response.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task Patch_EndTimeEarlier_ReArmsTimerAndClosesThen()
    {
        using var host = new ApiHost(new Dictionary<string, string?>
        {
            ["Runtime:MaxTimerHop"] = "00:00:00.500",
            [ApiHost.SweeperSchedule] = ApiHost.Never, // only the re-armed timer can close it
            [EndTimerHorizon.Setting] = "2.00:00:00", // the update arms it, rather than the end-timer job
        });
        var (admin, id) = await StartAsync(host, new { });
        var newEnd = host.Clock.GetUtcNow().AddDays(1);

        var response = await admin.PatchAsJsonAsync($"{Admin}/{id}", new { name = "Renamed", endTime = newEnd, reviewerSettings = new { type = "USER", userSettings = new { includedUserIds = new[] { TestInventory.ReviewerC } } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var patched = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Renamed", patched.GetProperty("name").GetString());
        Assert.Equal(newEnd, patched.GetProperty("endTime").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.NotFound, (await host.As(TestInventory.ReviewerA).GetAsync($"{My}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.As(TestInventory.ReviewerC).GetAsync($"{My}/{id}")).StatusCode);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await WaitForStatusAsync(admin, id, "CLOSED");
        Assert.Contains(await HistoryAsync(admin, id), m => m.StartsWith("updated the review: renamed it to Renamed; changed the end time to", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Patch_Invalid_400NothingChanged()
    {
        using var host = new ApiHost();
        var (admin, id) = await StartAsync(host, new { });

        var response = await admin.PatchAsJsonAsync($"{Admin}/{id}", new { name = "", endTime = "2020-01-01T00:00:00Z", reviewerSettings = new { type = "USER", userSettings = new { includedUserIds = new[] { TestInventory.Target } } } });
        var reviewerPatch = await host.As(TestInventory.ReviewerA).PatchAsJsonAsync($"{Admin}/{id}", new { name = "mine" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var causes = Causes(await response.Content.ReadFromJsonAsync<JsonElement>()).ToList();
        Assert.Contains("name: is required", causes);
        Assert.Contains("endTime: must be in the future", causes);
        Assert.Contains("reviewerSettings.userSettings.includedUserIds: the target principal can't be one of the reviewers", causes);
        Assert.Equal(HttpStatusCode.Forbidden, reviewerPatch.StatusCode);
        Assert.Equal("Risk event review", (await GetAsync(admin, $"{Admin}/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Patch_ReviewerTypeNotUserOrNullReviewer_400WithOktaPaths()
    {
        using var host = new ApiHost();
        var (admin, id) = await StartAsync(host, new { });

        var group = await admin.PatchAsJsonAsync($"{Admin}/{id}", new { reviewerSettings = new { type = "GROUP" } });
        var nullReviewer = await admin.PatchAsJsonAsync($"{Admin}/{id}", new { reviewerSettings = new { type = "USER", userSettings = new { includedUserIds = new string?[] { null } } } });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (group.StatusCode, nullReviewer.StatusCode));
        Assert.Equal(["reviewerSettings.type: must be USER"], Causes(await group.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(["reviewerSettings.userSettings.includedUserIds: at least one reviewer is required"], Causes(await nullReviewer.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task Patch_ClosedReview_400()
    {
        using var host = new ApiHost();
        var (admin, id) = await StartAsync(host, new { });
        await admin.PostAsJsonAsync($"{Admin}/{id}/actions", new { actionType = "CLOSE_REVIEW" });

        var response = await admin.PatchAsJsonAsync($"{Admin}/{id}", new { name = "late" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OpenReviewLimit_PerPrincipal_RejectsTheNextUntilOneCloses()
    {
        using var host = new ApiHost(new Dictionary<string, string?> { ["Reviews:MaxOpenReviewsPerPrincipal"] = "2" });
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var first = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await CreateAsync(admin, Body());

        var third = await admin.PostAsJsonAsync(Admin, Body());

        Assert.Equal(HttpStatusCode.BadRequest, third.StatusCode);
        Assert.Contains($"principalId: {TestInventory.Target} already has 2 active or pending reviews; at most 2 are allowed", Causes(await third.Content.ReadFromJsonAsync<JsonElement>()));
        await WaitForStatusAsync(admin, first, "ACTIVE");
        await admin.PostAsJsonAsync($"{Admin}/{first}/actions", new { actionType = "CLOSE_REVIEW" });
        await CreateAsync(admin, Body());
    }

    [Fact]
    public async Task OpenReviewLimit_ConcurrentCreates_OnlyTheLimitSucceeds()
    {
        using var host = new ApiHost(new Dictionary<string, string?> { ["Reviews:MaxOpenReviewsPerPrincipal"] = "2" });
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => admin.PostAsJsonAsync(Admin, Body())));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        var stats = await GetAsync(admin, $"{Admin}/stats");
        Assert.Equal(2, stats.GetProperty("pendingCount").GetInt32() + stats.GetProperty("activeCount").GetInt32());
    }

    private static async Task<(HttpClient Admin, string Id)> StartAsync(ApiHost host, object extra)
    {
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var body = JsonSerializer.SerializeToElement(Body());
        var merged = body.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
        {
            merged[property.Name] = property.Value;
        }

        var id = (await CreateAsync(admin, merged)).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        return (admin, id);
    }
}
