using System.Net;
using System.Net.Http.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

/// <summary>
/// A decision commits under the header its instance last committed, without reading it: when another instance changed
/// the review meanwhile, the decision is decided again on a fresh read, never on the stale header.
/// </summary>
public sealed class HeaderCacheTests
{
    [Fact]
    public async Task Decision_AnotherInstanceDecidedMeanwhile_BothDecisionsStored()
    {
        using var first = new ApiHost();
        await TestInventory.ImportAsync(first);
        var id = await CreateActiveAsync(first.AsAdmin());
        using var second = new ApiHost(Sharing(first));
        var items = await AccessesApi.ItemsAsync(first.AsAdmin(), id);

        await RevokeAsync(second, id, items[0].Id);
        await RevokeAsync(first, id, items[1].Id);

        var decided = await AccessesApi.ItemsAsync(second.AsAdmin(), id);
        Assert.Equal(2, decided.Count(i => i.Revoked));
    }

    [Fact]
    public async Task Decision_AnotherInstanceActivatedTheReview_DecidedOnTheFreshHeader()
    {
        // The first instance created the review and holds its PENDING header; only the second gathers it.
        using var first = new ApiHost(new Dictionary<string, string?> { ["Runtime:Listeners"] = "false" });
        await TestInventory.ImportAsync(first);
        var id = (await CreateAsync(first.AsAdmin(), Body())).GetProperty("id").GetString()!;
        using var second = new ApiHost(Sharing(first));
        await WaitForStatusAsync(second.AsAdmin(), id, "ACTIVE");
        var items = await AccessesApi.ItemsAsync(first.AsAdmin(), id);

        await RevokeAsync(first, id, items[0].Id);

        Assert.True((await AccessesApi.ItemsAsync(second.AsAdmin(), id))[0].Revoked);
    }

    private static Dictionary<string, string?> Sharing(ApiHost host) => new() { ["Storage:Prefix"] = host.Prefix };
}
