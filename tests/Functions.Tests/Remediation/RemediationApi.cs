using AccessReviewFunctions.Functions.Tests.Infrastructure;
using System.Text.Json;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReadApi;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Remediation;

/// <summary>Remediation as the API shows it: on every access item, and counted on the review.</summary>
internal static class RemediationApi
{
    /// <summary>Per access item over all pages: its id, app, remediation status, attempts and last error or result.</summary>
    public static async Task<List<Shown>> ItemsAsync(HttpClient client, string reviewId, string route = Admin)
    {
        var shown = new List<Shown>();
        for (string? at = $"{route}/{reviewId}/accesses?limit=200"; at is not null;)
        {
            var (body, _) = await GetPageAsync(client, at);
            shown.AddRange(body.GetProperty("data").EnumerateArray().Select(Shown.From));
            at = Next(body);
        }

        return shown;
    }

    public static async Task<JsonElement?> CountsAsync(HttpClient admin, string reviewId) =>
        (await GetAsync(admin, $"{Admin}/{reviewId}")).TryGetProperty("remediation", out var counts) && counts.ValueKind == JsonValueKind.Object ? counts : null;

    /// <summary>Waits until the review says every remediation reached a terminal state.</summary>
    public static Task<JsonElement?> SettledAsync(HttpClient admin, string reviewId, TimeSpan? timeout = null) =>
        Eventually.GetAsync(() => CountsAsync(admin, reviewId), c => c is { } r && r.TryGetProperty("completedAt", out var at) && at.ValueKind == JsonValueKind.String,
            timeout ?? TimeSpan.FromSeconds(90), $"the remediation of {reviewId} to settle");

    internal sealed record Shown(string Id, string AppId, string? Kind, string? Status, int Attempts, string? LastError, string? Result, string? RemediationId)
    {
        public static Shown From(JsonElement e)
        {
            var r = e.TryGetProperty("remediation", out var x) && x.ValueKind == JsonValueKind.Object ? x : (JsonElement?)null;
            string? Text(string name) => r is { } v && v.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            return new Shown(
                e.GetProperty("id").GetString()!, e.GetProperty("appInfo").GetProperty("id").GetString()!, Text("kind"), Text("status"),
                r is { } a ? a.GetProperty("attempts").GetInt32() : 0, Text("lastError"), Text("result"), Text("id"));
        }
    }
}
