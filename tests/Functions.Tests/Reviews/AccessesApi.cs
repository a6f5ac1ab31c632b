using System.Text.Json;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

/// <summary>A review's access items and their sub-access items as the API shows them, decisions included.</summary>
internal static class AccessesApi
{
    public static async Task<List<Access>> ItemsAsync(HttpClient client, string reviewId, string route = Admin) =>
        Read(await GetAsync(client, $"{route}/{reviewId}/accesses?limit=200"));

    public static async Task<List<Access>> SubItemsAsync(HttpClient client, string reviewId, string accessItemId, string route = Admin) =>
        Read(await GetAsync(client, $"{route}/{reviewId}/accesses/{accessItemId}/sub-accesses?limit=200"));

    /// <summary>Every sub-access item of every access item.</summary>
    public static async Task<List<Access>> AllSubItemsAsync(HttpClient client, string reviewId, string route = Admin)
    {
        var all = new List<Access>();
        foreach (var item in await ItemsAsync(client, reviewId, route))
        {
            all.AddRange(await SubItemsAsync(client, reviewId, item.Id, route));
        }

        return all;
    }

    public static async Task<Access> ItemOfAppAsync(HttpClient client, string reviewId, string appId) =>
        (await ItemsAsync(client, reviewId)).Single(i => i.AppId == appId);

    private static List<Access> Read(JsonElement page) => [.. page.GetProperty("data").EnumerateArray().Select(Access.From)];

    /// <summary>An access item (with its app's id) or a sub-access item (without).</summary>
    internal sealed record Access(
        string Id, string Name, string? AppId, string Priority, string? Decision, string? DecidedBy, DateTimeOffset? DecidedAt, bool Automatic, string? Note)
    {
        public bool Revoked => Decision == "REVOKE_ACCESS";

        public static Access From(JsonElement e) => new(
            e.GetProperty("id").GetString()!,
            e.GetProperty("name").GetString()!,
            e.TryGetProperty("appInfo", out var app) ? app.GetProperty("id").GetString() : null,
            e.GetProperty("priority").GetString()!,
            Text(e, "decision"),
            Text(e, "decidedBy"),
            e.TryGetProperty("decidedAt", out var at) && at.ValueKind != JsonValueKind.Null ? at.GetDateTimeOffset() : null,
            e.TryGetProperty("automatic", out var automatic) && automatic.ValueKind == JsonValueKind.True,
            Text(e, "note"));

        private static string? Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
