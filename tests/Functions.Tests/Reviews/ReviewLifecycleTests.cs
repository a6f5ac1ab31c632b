using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

public sealed class ReviewLifecycleTests : IAsyncLifetime
{
    private readonly ApiHost host = new();
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        await TestInventory.ImportAsync(host);
        admin = host.AsAdmin();
    }

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Create_ValidReview_202PendingThenActiveWithSnapshot()
    {
        var response = await admin.PostAsJsonAsync(Admin, Body());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("PENDING", created.GetProperty("status").GetString());
        var id = created.GetProperty("id").GetString()!;
        Assert.Matches("^sar[0-9A-Za-z]{17}$", id);
        Assert.Equal($"http://localhost{Admin}/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(host.Clock.GetUtcNow().AddDays(7), created.GetProperty("endTime").GetDateTimeOffset());
        var profiles = created.GetProperty("reviewerSettings").GetProperty("userSettings").GetProperty("includedUserProfiles");
        Assert.Equal("rita@example.com", profiles[0].GetProperty("login").GetString());
        Assert.Equal($"http://localhost{Admin}/{id}/history", created.GetProperty("_links").GetProperty("history").GetProperty("href").GetString());

        await WaitForStatusAsync(admin, id, "ACTIVE");
        var history = await HistoryAsync(admin, id);
        Assert.Equal(["created Risk event review", "gathered 3 access items; the review is active"], history);
    }

    [Fact]
    public async Task MyRoutes_OnlyReviewersSeeTheReview()
    {
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        var reviewer = host.As(TestInventory.ReviewerA);
        var outsider = host.As(TestInventory.Outsider);

        var mine = await GetAsync(reviewer, My);
        var theirs = await GetAsync(outsider, My);
        var hidden = await outsider.GetAsync($"{My}/{id}");
        var hiddenHistory = await outsider.GetAsync($"{My}/{id}/history");

        Assert.Contains(mine.GetProperty("data").EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        Assert.Empty(theirs.GetProperty("data").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("E0000007", (await hidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
        Assert.Equal(HttpStatusCode.NotFound, hiddenHistory.StatusCode);
        Assert.Equal(id, (await GetAsync(reviewer, $"{My}/{id}")).GetProperty("id").GetString());
    }

    [Fact]
    public async Task CloseReview_ByReviewer_ClosedReadOnlyAndInHistory()
    {
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        var reviewer = host.As(TestInventory.ReviewerB);
        Assert.Equal("CLOSE_REVIEW", (await GetAsync(reviewer, $"{My}/{id}/actions")).GetProperty("data")[0].GetProperty("actionType").GetString());

        var close = await reviewer.PostAsJsonAsync($"{My}/{id}/actions", new { actionType = "CLOSE_REVIEW" });
        var again = await reviewer.PostAsJsonAsync($"{My}/{id}/actions", new { actionType = "CLOSE_REVIEW" });
        var comment = await reviewer.PostAsJsonAsync($"{My}/{id}/comment", new { comment = "too late" });

        Assert.Equal(HttpStatusCode.Accepted, close.StatusCode);
        var review = await GetAsync(reviewer, $"{My}/{id}");
        Assert.Equal("CLOSED", review.GetProperty("status").GetString());
        Assert.Equal(TestInventory.ReviewerB, review.GetProperty("lastUpdatedBy").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("E0000001", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, comment.StatusCode);
        Assert.Empty((await GetAsync(reviewer, $"{My}/{id}/actions")).GetProperty("data").EnumerateArray());
        var history = (await GetAsync(admin, $"{Admin}/{id}/history")).GetProperty("data");
        var closed = history.EnumerateArray().Last();
        Assert.Equal("closed the review", closed.GetProperty("message").GetString());
        Assert.False(closed.GetProperty("systemGenerated").GetBoolean());
        Assert.Equal(TestInventory.ReviewerB, closed.GetProperty("principalProfile").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Comment_ByReviewer_AppearsInHistory()
    {
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");

        var response = await host.As(TestInventory.ReviewerA).PostAsJsonAsync($"{My}/{id}/comment", new { comment = "Checked with the manager" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("commented: Checked with the manager", await HistoryAsync(admin, id));
    }

    [Fact]
    public async Task Action_UnknownType_400NamesAvailableActions()
    {
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");

        var response = await admin.PostAsJsonAsync($"{Admin}/{id}/actions", new { actionType = "SELF_DESTRUCT" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var cause = Assert.Single(Causes(await response.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Contains("available: CLOSE_REVIEW", cause, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> InvalidCreates => new()
    {
        { """{"principalId":"00unobody","name":"x","reviewerSettings":{"type":"USER","userSettings":{"includedUserIds":["00ureviewera00000001"]}}}""", "principalId: unknown user 00unobody" },
        { """{"principalId":"00utarget00000000001","name":"x","reviewerSettings":{"type":"USER","userSettings":{"includedUserIds":["00utarget00000000001"]}}}""", "reviewerSettings.userSettings.includedUserIds: the target principal can't be one of the reviewers" },
        { """{"principalId":"00utarget00000000001","name":"x","reviewerSettings":{"type":"USER","userSettings":{"includedUserIds":[]}}}""", "reviewerSettings.userSettings.includedUserIds: at least one reviewer is required" },
        { """{"principalId":"00utarget00000000001","name":"x","reviewerSettings":{"type":"USER","userSettings":{"includedUserIds":["00ua","00ub","00uc","00ud","00ue","00uf","00ug","00uh","00ui","00uj","00uk"]}}}""", "reviewerSettings.userSettings.includedUserIds: at most 10 reviewers are allowed, got 11" },
        { """{"principalId":"00utarget00000000001","name":"x","reviewerSettings":{"type":"USER","userSettings":{"includedUserIds":["00ughost"]}}}""", "reviewerSettings.userSettings.includedUserIds: unknown user 00ughost" },
        { """{"principalId":"00utarget00000000001","name":"x","endTime":"2020-01-01T00:00:00Z","reviewerSettings":{"type":"USER","userSettings":{"includedUserIds":["00ureviewera00000001"]}}}""", "endTime: must be in the future" },
        { """{"principalId":"00utarget00000000001","reviewerSettings":{"type":"USER","userSettings":{"includedUserIds":["00ureviewera00000001"]}}}""", "name: is required" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreates))]
    public async Task Create_Invalid_400WithOktaCause(string body, string cause)
    {
        var response = await admin.PostAsync(Admin, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("E0000001", error.GetProperty("errorCode").GetString());
        Assert.Contains(cause, Causes(error));
        Assert.Empty((await GetAsync(admin, Admin)).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Create_MalformedJson_400OktaBody()
    {
        var response = await admin.PostAsync(Admin, new StringContent("{\"principalId\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("E0000001", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Create_NotAdmin_403AndAnonymous_401()
    {
        var forbidden = await host.As(TestInventory.ReviewerA, "REVIEWER").PostAsJsonAsync(Admin, Body());
        var anonymous = await host.CreateClient().GetAsync(My);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("E0000006", (await forbidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("E0000011", (await anonymous.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
    }
}
