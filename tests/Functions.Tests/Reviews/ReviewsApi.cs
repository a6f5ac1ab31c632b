using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

internal static class ReviewsApi
{
    public const string Admin = "/governance/api/v2/security-access-reviews";
    public const string My = "/governance/api/v2/my/security-access-reviews";

    public static object Body(string? principal = TestInventory.Target, string[]? reviewers = null, string? endTime = null, string name = "Risk event review") => new
    {
        principalId = principal,
        name,
        reviewerSettings = new { type = "USER", userSettings = new { includedUserIds = reviewers ?? [TestInventory.ReviewerA, TestInventory.ReviewerB] } },
        endTime,
    };

    public static async Task<JsonElement> CreateAsync(HttpClient admin, object body)
    {
        var response = await admin.PostAsJsonAsync(Admin, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"create: {(int)response.StatusCode} {json}");
        return json;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {json}");
        return json;
    }

    public static Task<string> WaitForStatusAsync(HttpClient admin, string reviewId, string status, TimeSpan? timeout = null) =>
        Eventually.GetAsync(
            async () => (await GetAsync(admin, $"{Admin}/{reviewId}")).GetProperty("status").GetString()!,
            s => s == status, timeout, $"review {reviewId} to be {status}");

    /// <summary>Creates a review (<see cref="Body"/> unless given) and waits until it is ACTIVE; its id.</summary>
    public static async Task<string> CreateActiveAsync(HttpClient admin, object? body = null)
    {
        var id = (await CreateAsync(admin, body ?? Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        return id;
    }

    /// <summary>The review's reviewer (<see cref="TestInventory.ReviewerA"/>) revokes one of its items: 202.</summary>
    public static async Task RevokeAsync(ApiHost host, string reviewId, string itemId)
    {
        var response = await host.As(TestInventory.ReviewerA).PostAsJsonAsync($"{My}/{reviewId}/accesses/{itemId}/actions", new { type = "REVOKE_ACCESS" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    public static async Task<List<string>> HistoryAsync(HttpClient client, string reviewId) =>
        (await GetAsync(client, $"{Admin}/{reviewId}/history")).GetProperty("data").EnumerateArray()
            .Select(e => e.GetProperty("message").GetString()!).ToList();

    public static IEnumerable<string> Causes(JsonElement error) =>
        error.GetProperty("errorCauses").EnumerateArray().Select(c => c.GetProperty("errorSummary").GetString()!);
}
