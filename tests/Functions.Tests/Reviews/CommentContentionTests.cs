using System.Net;
using System.Net.Http.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

/// <summary>
/// Comments only add to the history, so they are appended without the header's ETag: many at once on one review,
/// from two hosts over the same storage and beside decisions that do rewrite the header, all land.
/// </summary>
public sealed class CommentContentionTests
{
    private const int Comments = 80;

    [Fact]
    public async Task Comment_ManyAtOnceFromTwoHostsBesideDecisions_EveryOneStoredAndLogged()
    {
        using var first = new ApiHost();
        using var second = new ApiHost(new Dictionary<string, string?> { ["Storage:Prefix"] = first.Prefix });
        await TestInventory.ImportAsync(first);
        var admin = first.AsAdmin();
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        var items = await AccessesApi.ItemsAsync(admin, id);
        var reviewers = new[] { first.As(TestInventory.ReviewerA), second.As(TestInventory.ReviewerB) };

        var comments = Enumerable.Range(0, Comments).Select(i => reviewers[i % 2].PostAsJsonAsync($"{My}/{id}/comment", new { comment = $"note {i}" }));
        var decisions = items.Select((item, i) => reviewers[i % 2].PostAsJsonAsync($"{My}/{id}/accesses/{item.Id}/actions", new { type = "REVOKE_ACCESS" }));
        var answers = await Task.WhenAll(comments.Concat(decisions));

        Assert.All(answers, a => Assert.True(a.IsSuccessStatusCode, $"{(int)a.StatusCode} {a.Content.ReadAsStringAsync().Result}"));
        Assert.Equal(HttpStatusCode.NoContent, answers[0].StatusCode);
        var history = (await GetAsync(admin, $"{Admin}/{id}/history?limit=200")).GetProperty("data").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.Equal(Enumerable.Range(0, Comments).Select(i => $"commented: note {i}").Order(StringComparer.Ordinal), history.Where(h => h.StartsWith("commented: ", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        // The System Log is fed through the outbox and either host's listener.
        var updates = await Eventually.GetAsync(() => AllLogAsync(admin, "eventType eq \"access.review.update\""), n => n >= Comments, TimeSpan.FromSeconds(60), "every comment in the System Log");
        Assert.Equal(Comments, updates);
    }

    private static async Task<int> AllLogAsync(HttpClient admin, string filter)
    {
        var page = await GetAsync(admin, $"/api/v1/logs?since=2026-01-01T00:00:00Z&limit=1000&filter={Uri.EscapeDataString(filter)}");
        return page.GetArrayLength();
    }
}
