using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using AccessReviewFunctions.Functions.Tests.Reviews;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Audit;

/// <summary>The System Log's filter operators beside eq and co: sw, pr, and gt/ge/lt/le on published and on text.</summary>
public sealed class SystemLogFilterTests
{
    private const string Create = "access.review.create";
    private const string Start = "access.review.start";
    private const string Action = "access.review.action";
    private const string Close = "access.review.close";

    [Fact]
    public async Task Operators_SwPrGeLeGtLt_SelectExactlyTheMatchingEvents()
    {
        using var host = new ApiHost();
        var t0 = host.Clock.GetUtcNow();
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        var itemId = (await AccessesApi.ItemsAsync(admin, id))[0].Id;
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Accepted, (await host.As(TestInventory.ReviewerA).PostAsJsonAsync($"{My}/{id}/accesses/{itemId}/actions", new { type = "REVOKE_ACCESS" })).StatusCode);
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsJsonAsync($"{Admin}/{id}/actions", new { actionType = "CLOSE_REVIEW" })).StatusCode);
        await host.Services.QuietAsync();
        var hour = (t0 + TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        async Task<List<string?>> TypesAsync(string filter) =>
            (await SystemLogOriginTests.LogsAsync(admin, "filter=" + Uri.EscapeDataString($"target.id eq \"{id}\" and ({filter})"))).Select(e => e.GetProperty("eventType").GetString()).ToList();

        Assert.Equal([Action, Close], await TypesAsync($"published ge \"{hour}\""));
        Assert.Equal([Close], await TypesAsync($"published gt \"{hour}\""));
        Assert.Equal([Create, Start, Action], await TypesAsync($"published le \"{hour}\""));
        Assert.Equal([Create, Start], await TypesAsync($"published lt \"{hour}\""));
        Assert.Equal([Create, Start, Action, Close], await TypesAsync("published pr"));
        Assert.Equal([Create, Close], await TypesAsync("eventType sw \"ACCESS.review.c\""));
        Assert.Equal([Action], await TypesAsync("outcome.reason sw \"revoke\""));
        Assert.Equal([Create, Action, Close], await TypesAsync("client.ipAddress pr"));
        Assert.Equal([Start], await TypesAsync("actor.type sw \"System\""));
        Assert.Equal([Create, Action, Close], await TypesAsync("authenticationContext.externalSessionId pr and severity pr"));
        Assert.Equal([Action, Close], await TypesAsync("eventType ge \"access.review.action\" and eventType le \"access.review.close\""));
        Assert.Equal([Start], await TypesAsync("eventType gt \"access.review.create\" and eventType lt \"access.review.update\""));
    }
}
