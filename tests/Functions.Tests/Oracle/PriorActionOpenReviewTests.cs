using System.Net;
using System.Net.Http.Json;
using AccessReviewFunctions.Functions.Storage.Reviews;
using AccessReviewFunctions.Functions.Storage.Tables;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;
using A = AccessReviewFunctions.Functions.Tests.Infrastructure.TestInventory;

namespace AccessReviewFunctions.Functions.Tests.Oracle;

/// <summary>Prior actions of reviews still open, and the item index that locates an item's review.</summary>
public sealed class PriorActionOpenReviewTests
{
    [Fact]
    public async Task PriorActions_DecisionInAnOpenReview_ListedOnceBeforeAndAfterItCloses()
    {
        using var host = new ApiHost();
        var (admin, id, gitHub, group) = await ActiveAsync(host, "Open one");
        Assert.Equal(HttpStatusCode.Accepted, (await host.As(A.ReviewerA).PostAsJsonAsync($"{My}/{id}/accesses/{gitHub}/actions", new { type = "REVOKE_ACCESS" })).StatusCode);
        var decided = host.Clock.GetUtcNow();

        var open = await PriorActionsApi.GetAsync(admin, gitHub);
        var openGroup = await PriorActionsApi.GetAsync(admin, group);

        var action = Assert.Single(open.Items);
        Assert.Equal(
            ("Open one", "Rita Reviewer", "USER", "REVOKE", decided.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)),
            (action.GetProperty("campaignName").GetString(), action.GetProperty("reviewerName").GetString(), action.GetProperty("reviewerType").GetString(),
                action.GetProperty("action").GetString(), action.GetProperty("timeReviewed").GetString()));
        Assert.Equal(["REVOKE"], openGroup.Items.Select(i => i.GetProperty("action").GetString()));
        Assert.Empty((await PriorActionsApi.GetAsync(admin, (await ItemIdsAsync(admin, id))["Slack"])).Items);

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsJsonAsync($"{Admin}/{id}/actions", new { actionType = "CLOSE_REVIEW" })).StatusCode);
        await WaitForStatusAsync(admin, id, "CLOSED");
        await host.Services.QuietAsync();

        Assert.Equal(["Open one"], (await PriorActionsApi.GetAsync(admin, gitHub)).Campaigns);
    }

    [Fact]
    public async Task PriorActions_ItemIndexRowGone_404_TheLookupReadsTheIndexNotTheReviews()
    {
        using var host = new ApiHost();
        var (admin, _, gitHub, group) = await ActiveAsync(host, "Indexed");
        Assert.Equal(HttpStatusCode.OK, (await PriorActionsApi.GetAsync(admin, gitHub)).Status);

        var index = new TableServiceClient(TestStorage.ConnectionString).GetTableClient(host.Prefix + ReviewTables.ItemReviews);
        await index.DeleteEntityAsync(KeyBuckets.Of(gitHub, TableReviewIndex.ItemBuckets), gitHub, ETag.All);

        Assert.Equal(HttpStatusCode.NotFound, (await PriorActionsApi.GetAsync(admin, gitHub)).Status);
        Assert.Equal(HttpStatusCode.OK, (await PriorActionsApi.GetAsync(admin, group)).Status);
    }

    private static async Task<(HttpClient Admin, string Id, string GitHub, string Group)> ActiveAsync(ApiHost host, string name)
    {
        await A.ImportAsync(host);
        var admin = host.AsAdmin();
        var id = (await CreateAsync(admin, Body(name: name))).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        var gitHub = (await ItemIdsAsync(admin, id))["GitHub"];
        var group = (await GetAsync(admin, $"{Admin}/{id}/accesses/{gitHub}/sub-accesses")).GetProperty("data")[0].GetProperty("id").GetString()!;
        return (admin, id, gitHub, group);
    }

    private static async Task<Dictionary<string, string>> ItemIdsAsync(HttpClient admin, string reviewId) =>
        (await GetAsync(admin, $"{Admin}/{reviewId}/accesses")).GetProperty("data").EnumerateArray()
            .ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("id").GetString()!);
}
