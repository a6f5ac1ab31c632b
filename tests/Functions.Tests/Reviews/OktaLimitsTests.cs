using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

/// <summary>What Okta's description states and the service now keeps: history paging, the manual flags, the comment and end-time bounds, the summary.</summary>
public sealed class OktaLimitsTests : IAsyncLifetime
{
    private const string Aws = "0oaaws00000000000001";
    private readonly ApiHost host = new(new Dictionary<string, string?> { ["Reviews:MinDuration"] = "00:00:05", ["Reviews:MaxDuration"] = "00:10:00" });
    private HttpClient admin = null!;
    private HttpClient reviewer = null!;

    public async Task InitializeAsync()
    {
        await TestInventory.ImportAsync(host);
        admin = host.AsAdmin();
        reviewer = host.As(TestInventory.ReviewerA);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task History_LimitTwo_FollowsNextThroughEveryEntryInOrder()
    {
        var id = await ActiveAsync();
        foreach (var n in Enumerable.Range(1, 5))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await reviewer.PostAsJsonAsync($"{My}/{id}/comment", new { comment = $"note {n}" })).StatusCode);
        }

        var all = (await GetAsync(admin, $"{Admin}/{id}/history?limit=200")).GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        var paged = new List<string?>();
        string? url = $"{Admin}/{id}/history?limit=2";
        while (url is not null)
        {
            var response = await admin.GetAsync(url);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            paged.AddRange(body.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
            url = body.GetProperty("_links").TryGetProperty("next", out var next) ? next.GetProperty("href").GetString() : null;
            Assert.Equal(url is not null, response.Headers.GetValues("Link").Any(l => l.EndsWith("rel=\"next\"", StringComparison.Ordinal)));
        }

        Assert.Equal(7, all.Count);
        Assert.Equal(all, paged);
        Assert.Equal(all[3..], (await GetAsync(admin, $"{Admin}/{id}/history?after={all[2]}")).GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("after=!!")]
    [InlineData("after=srh00000000000000000")]
    public async Task History_BadLimitOrAfter_400(string query)
    {
        var id = await ActiveAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{Admin}/{id}/history?{query}")).StatusCode);
    }

    [Fact]
    public async Task ItemAction_ManualFlags_RecordedLikeRevokeAndRestore()
    {
        var id = await ActiveAsync();
        var aws = await AccessesApi.ItemOfAppAsync(admin, id, Aws);

        var flag = await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{aws.Id}/actions", new { type = "FLAG_FOR_MANUAL_REMEDIATION" });
        var flagged = await AccessesApi.ItemOfAppAsync(admin, id, Aws);
        var back = await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{aws.Id}/actions", new { type = "FLAG_FOR_MANUAL_RESTORATION" });
        var restored = await AccessesApi.ItemOfAppAsync(admin, id, Aws);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (flag.StatusCode, back.StatusCode));
        Assert.Equal("FLAG_FOR_MANUAL_REMEDIATION", flagged.Decision);
        Assert.Equal("FLAG_FOR_MANUAL_RESTORATION", restored.Decision);
        var history = await HistoryAsync(admin, id);
        Assert.Contains("flagged access to AWS Console for manual remediation", history);
        Assert.Contains("flagged access to AWS Console for manual restoration", history);
    }

    [Fact]
    public async Task Comment_OverOneThousandCharacters_400()
    {
        var id = await ActiveAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.PostAsJsonAsync($"{My}/{id}/comment", new { comment = new string('x', 1000) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsJsonAsync($"{My}/{id}/comment", new { comment = new string('x', 1001) })).StatusCode);
    }

    [Fact]
    public async Task EndTime_BoundsFromConfiguration_OnCreateAndPatch()
    {
        var now = host.Clock.GetUtcNow();
        var tooSoon = await admin.PostAsJsonAsync(Admin, Body(endTime: now.AddSeconds(4).ToString("O")));
        var tooLate = await admin.PostAsJsonAsync(Admin, Body(endTime: now.AddMinutes(10).ToString("O")));
        var review = await CreateAsync(admin, Body(endTime: now.AddSeconds(5).ToString("O")));
        var patch = await admin.PatchAsJsonAsync($"{Admin}/{review.GetProperty("id").GetString()}", new { endTime = now.AddMinutes(11) });

        Assert.Contains("endTime: must be at least 00:00:05 from now", Causes(await tooSoon.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Contains("endTime: must be less than 00:10:00 after the review was created", Causes(await tooLate.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.BadRequest, patch.StatusCode);
    }

    [Fact]
    public async Task EndTime_DefaultBounds_OneDayToSixMonths()
    {
        await using var defaults = new ApiHost();
        await TestInventory.ImportAsync(defaults);
        var now = defaults.Clock.GetUtcNow();

        var hour = await defaults.AsAdmin().PostAsJsonAsync(Admin, Body(endTime: now.AddHours(23).ToString("O")));
        var half = await defaults.AsAdmin().PostAsJsonAsync(Admin, Body(endTime: now.AddDays(180).ToString("O")));

        Assert.Contains("endTime: must be at least 1 day from now", Causes(await hour.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Contains("endTime: must be less than 180 days after the review was created", Causes(await half.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task Summary_ActiveReview_CarriesTheRiskSummary()
    {
        var created = await CreateAsync(admin, Body(endTime: host.Clock.GetUtcNow().AddMinutes(5).ToString("O")));
        var id = created.GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");

        Assert.False(created.TryGetProperty("summary", out _));
        Assert.False(string.IsNullOrWhiteSpace((await GetAsync(admin, $"{Admin}/{id}")).GetProperty("summary").GetProperty("message").GetString()));
    }

    private async Task<string> ActiveAsync()
    {
        var id = (await CreateAsync(admin, Body(endTime: host.Clock.GetUtcNow().AddMinutes(5).ToString("O")))).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        return id;
    }
}
