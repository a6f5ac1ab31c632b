using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Risk;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

public sealed class ReviewDecisionTests : IAsyncLifetime
{
    private const string Aws = "0oaaws00000000000001";
    private const string GitHub = "0oagithub00000000001";
    private readonly ApiHost host = new();
    private HttpClient admin = null!;
    private HttpClient reviewer = null!;

    public async Task InitializeAsync()
    {
        await TestInventory.ImportAsync(host);
        admin = host.AsAdmin();
        reviewer = host.As(TestInventory.ReviewerA);
    }

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RevokeItem_CascadesToSubItemsAndRecordsDecision()
    {
        var id = await ActiveReviewAsync();
        var aws = await ItemAsync(id, Aws);

        var response = await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{aws.Id}/actions", new { type = "REVOKE_ACCESS" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var revoked = await ItemAsync(id, Aws);
        Assert.True(revoked.Revoked);
        Assert.Equal(TestInventory.ReviewerA, revoked.DecidedBy);
        Assert.Equal(host.Clock.GetUtcNow(), revoked.DecidedAt);
        var subs = await AccessesApi.SubItemsAsync(admin, id, aws.Id);
        Assert.Equal(2, subs.Count);
        Assert.All(subs, s => Assert.Equal(("REVOKE_ACCESS", TestInventory.ReviewerA), (s.Decision, s.DecidedBy)));
        Assert.Contains("revoked access to AWS Console", await HistoryAsync(admin, id));
    }

    [Fact]
    public async Task RestoreItem_AfterRevoke_RestoresAndSecondRestoreIs400()
    {
        var id = await ActiveReviewAsync();
        var aws = await ItemAsync(id, Aws);
        await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{aws.Id}/actions", new { type = "REVOKE_ACCESS" });

        var restore = await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{aws.Id}/actions", new { type = "RESTORE_ACCESS" });
        var again = await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{aws.Id}/actions", new { type = "RESTORE_ACCESS" });

        Assert.Equal(HttpStatusCode.Accepted, restore.StatusCode);
        Assert.False((await ItemAsync(id, Aws)).Revoked);
        Assert.All(await AccessesApi.SubItemsAsync(admin, id, aws.Id), s => Assert.Equal("RESTORE_ACCESS", s.Decision));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("E0000001", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task RevokeSubItem_OnlyThatSubItem()
    {
        var id = await ActiveReviewAsync();
        var aws = await ItemAsync(id, Aws);
        var sub = (await AccessesApi.SubItemsAsync(admin, id, aws.Id))[0];

        var response = await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{sub.Id}/actions", new { type = "REVOKE_ACCESS" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Null((await ItemAsync(id, Aws)).Decision);
        var subs = await AccessesApi.SubItemsAsync(admin, id, aws.Id);
        Assert.Equal([sub.Id], subs.Where(s => s.Revoked).Select(s => s.Id));
        Assert.Equal(1, subs.Count(s => s.Decision is not null));
    }

    [Theory]
    [InlineData("KEEP_ACCESS", HttpStatusCode.BadRequest)]
    [InlineData(null, HttpStatusCode.BadRequest)]
    [InlineData("0", HttpStatusCode.BadRequest)]
    [InlineData("1", HttpStatusCode.BadRequest)]
    [InlineData("+1", HttpStatusCode.BadRequest)]
    [InlineData("REVOKE_ACCESS, RESTORE_ACCESS", HttpStatusCode.BadRequest)]
    [InlineData("revoke_access", HttpStatusCode.BadRequest)]
    public async Task ItemAction_BadType_400(string? type, HttpStatusCode expected)
    {
        var id = await ActiveReviewAsync();
        var aws = await ItemAsync(id, Aws);

        var response = await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{aws.Id}/actions", new { type });

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("type: must be REVOKE_ACCESS, RESTORE_ACCESS, FLAG_FOR_MANUAL_REMEDIATION or FLAG_FOR_MANUAL_RESTORATION", Causes(await response.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task ItemAction_NotReviewerOrUnknownItem_404AdminRouteWorks()
    {
        var id = await ActiveReviewAsync();
        var aws = await ItemAsync(id, Aws);

        var outsider = await host.As(TestInventory.ReviewerC).PostAsJsonAsync($"{My}/{id}/accesses/{aws.Id}/actions", new { type = "REVOKE_ACCESS" });
        var unknown = await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/aimNOPE/actions", new { type = "REVOKE_ACCESS" });
        var byAdmin = await admin.PostAsJsonAsync($"{Admin}/{id}/accesses/{aws.Id}/actions", new { type = "REVOKE_ACCESS" });

        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, byAdmin.StatusCode);
        Assert.Equal(TestInventory.Admin, (await ItemAsync(id, Aws)).DecidedBy);
    }

    [Fact]
    public async Task ItemAction_ClosedReview_400AndNothingChanged()
    {
        var id = await ActiveReviewAsync();
        var aws = await ItemAsync(id, Aws);
        await reviewer.PostAsJsonAsync($"{My}/{id}/actions", new { actionType = "CLOSE_REVIEW" });

        var response = await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{aws.Id}/actions", new { type = "REVOKE_ACCESS" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await ItemAsync(id, Aws)).Decision);
    }

    [Fact]
    public async Task ConcurrentDecisions_TwoReviewers_NoneLostAndAutoCompleteClosesOnce()
    {
        var id = await ActiveReviewAsync(autoComplete: true);
        var items = await AccessesApi.ItemsAsync(admin, id);
        var other = host.As(TestInventory.ReviewerB);

        var responses = await Task.WhenAll(items.Select((item, i) =>
            (i % 2 == 0 ? reviewer : other).PostAsJsonAsync($"{My}/{id}/accesses/{item.Id}/actions", new { type = "REVOKE_ACCESS" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.All(await AccessesApi.ItemsAsync(admin, id), i => Assert.True(i.Revoked));
        var review = await GetAsync(admin, $"{Admin}/{id}");
        Assert.Equal("CLOSED", review.GetProperty("status").GetString());
        var history = await HistoryAsync(admin, id);
        Assert.Equal(3, history.Count(m => m.StartsWith("revoked access to", StringComparison.Ordinal)));
        Assert.Single(history, m => m == "closed the review: completed, every access item has a decision");
    }

    [Fact]
    public async Task ReviewActions_RestoreAllAndUniversalLogout()
    {
        var id = await ActiveReviewAsync();
        foreach (var item in await AccessesApi.ItemsAsync(admin, id))
        {
            await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{item.Id}/actions", new { type = "REVOKE_ACCESS" });
        }

        var actions = (await GetAsync(reviewer, $"{My}/{id}/actions")).GetProperty("data").EnumerateArray().Select(a => a.GetProperty("actionType").GetString());
        var restore = await reviewer.PostAsJsonAsync($"{My}/{id}/actions", new { actionType = "RESTORE_ALL_ACCESS" });
        var logout = await reviewer.PostAsJsonAsync($"{My}/{id}/actions", new { actionType = "UNIVERSAL_LOGOUT" });
        var restoreAgain = await reviewer.PostAsJsonAsync($"{My}/{id}/actions", new { actionType = "RESTORE_ALL_ACCESS" });

        Assert.Equal(["CLOSE_REVIEW", "RESTORE_ALL_ACCESS", "UNIVERSAL_LOGOUT"], actions);
        Assert.Equal(HttpStatusCode.Accepted, restore.StatusCode);
        Assert.All(await AccessesApi.ItemsAsync(admin, id), i => Assert.Equal("RESTORE_ACCESS", i.Decision));
        Assert.All(await AccessesApi.AllSubItemsAsync(admin, id), s => Assert.Equal("RESTORE_ACCESS", s.Decision));
        Assert.Equal(HttpStatusCode.Accepted, logout.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, restoreAgain.StatusCode);
        var history = await HistoryAsync(admin, id);
        Assert.Contains("restored all revoked access (3 items)", history);
        Assert.Contains($"requested a universal logout of {TestInventory.Target}", history);
    }

    [Fact]
    public async Task PastDecisions_RevokedThenReGranted_NextReviewFlagsHigh()
    {
        var first = await ActiveReviewAsync();
        await reviewer.PostAsJsonAsync($"{My}/{first}/accesses/{(await ItemAsync(first, GitHub)).Id}/actions", new { type = "REVOKE_ACCESS" });
        await reviewer.PostAsJsonAsync($"{My}/{first}/actions", new { actionType = "CLOSE_REVIEW" });
        await host.Services.QuietAsync();

        var notReGranted = await ActiveReviewAsync();
        Assert.Equal("MEDIUM", await PastDecisionsSeverityAsync(notReGranted, GitHub));

        await TestInventory.ImportAsync(host, assignedDate: host.Clock.GetUtcNow().AddHours(1));
        host.Clock.Advance(TimeSpan.FromHours(2));
        var reGranted = await ActiveReviewAsync();
        Assert.Equal("HIGH", await PastDecisionsSeverityAsync(reGranted, GitHub));
        Assert.Equal("HIGH", (await ItemAsync(reGranted, GitHub)).Priority);
    }

    [Fact]
    public async Task SodRule_PrincipalHoldsBothSides_ItemFlaggedAndFilterable()
    {
        var rule = new { id = "sod-admin-deploy", name = "Administer code and cloud", resourceIdA = "00gadmins00000000001", resourceIdB = Aws, severity = "HIGH" };
        var import = await admin.PostAsJsonAsync("/api/v1/inventory/import", new { sodRules = new[] { rule } });
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var id = await ActiveReviewAsync();

        var flagged = await GetAsync(reviewer, $"{My}/{id}/accesses?filter={Uri.EscapeDataString("sodConflictSeverity eq \"HIGH\"")}");
        var github = await ItemAsync(id, GitHub);
        var anomalies = await GetAsync(reviewer, $"{My}/{id}/accesses/{github.Id}/anomalies");

        Assert.Equal([Aws, GitHub], flagged.GetProperty("data").EnumerateArray().Select(i => i.GetProperty("appInfo").GetProperty("id").GetString()).Order());
        var sod = Assert.Single(anomalies.GetProperty("data").EnumerateArray(), a => a.GetProperty("type").GetString() == "SOD_CONFLICT");
        Assert.Equal("HIGH", sod.GetProperty("severity").GetString());
        Assert.Equal("HIGH", github.Priority);
    }

    private async Task<string> ActiveReviewAsync(bool autoComplete = false)
    {
        var body = new
        {
            principalId = TestInventory.Target,
            name = "Decisions",
            reviewerSettings = new { type = "USER", userSettings = new { includedUserIds = new[] { TestInventory.ReviewerA, TestInventory.ReviewerB } } },
            autoComplete,
        };
        var id = (await CreateAsync(admin, body)).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        return id;
    }

    private Task<AccessesApi.Access> ItemAsync(string reviewId, string appId) => AccessesApi.ItemOfAppAsync(admin, reviewId, appId);

    private async Task<string> PastDecisionsSeverityAsync(string reviewId, string appId)
    {
        var anomalies = await GetAsync(admin, $"{Admin}/{reviewId}/accesses/{(await ItemAsync(reviewId, appId)).Id}/anomalies");
        return anomalies.GetProperty("data").EnumerateArray().Single(a => a.GetProperty("type").GetString() == "PAST_GOVERNANCE_DECISIONS").GetProperty("severity").GetString()!;
    }
}
