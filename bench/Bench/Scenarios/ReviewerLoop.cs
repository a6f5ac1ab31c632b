using System.Net.Http.Json;
using System.Text.Json;

namespace AccessReviewFunctions.Bench;

/// <summary>One reviewer on its own review: lists the access items once, then revokes and restores them in turn.</summary>
internal sealed class ReviewerLoop
{
    private readonly HttpClient client;
    private readonly string reviewId;
    private readonly string[] items;
    private readonly bool[] revoked;
    private int next;

    private ReviewerLoop(HttpClient client, string reviewId, string[] items, bool[] revoked)
    {
        (this.client, this.reviewId, this.items, this.revoked) = (client, reviewId, items, revoked);
    }

    public int ItemCount => items.Length;

    public static async Task<ReviewerLoop> OpenAsync(HttpClient client, string reviewId, string basePath, CancellationToken ct)
    {
        var page = await ReviewApi.GetAsync(client, $"{basePath}/{reviewId}/accesses?limit=200", ct);
        var data = page.GetProperty("data").EnumerateArray().ToArray();
        return data.Length == 0
            ? throw new InvalidOperationException($"review {reviewId} has no access items")
            : new ReviewerLoop(
                client,
                reviewId,
                [.. data.Select(i => i.GetProperty("id").GetString()!)],
                [.. data.Select(i => i.TryGetProperty("decision", out var d) && d.ValueKind == JsonValueKind.String && d.GetString() == "REVOKE_ACCESS")]);
    }

    /// <summary>
    /// Makes <paramref name="count"/> decisions on the items in turn: back to back (closed loop), or with a
    /// <paramref name="pace"/> each starting at its own tick after <paramref name="offset"/> (open load: a slow answer
    /// does not delay the next start, unless it outlasts the pace).
    /// </summary>
    public async Task DecideAsync(int count, Latencies latencies, string basePath, Action decided, CancellationToken ct, TimeSpan? pace = null, TimeSpan offset = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var n = 0; n < count; n++)
        {
            ct.ThrowIfCancellationRequested();
            if (pace is { } every && offset + (every * n) - started.Elapsed is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, ct);
            }

            var item = next++ % items.Length;
            var type = revoked[item] ? "RESTORE_ACCESS" : "REVOKE_ACCESS";
            if (await latencies.TimeAsync(() => client.PostAsJsonAsync($"{basePath}/{reviewId}/accesses/{items[item]}/actions", new { type }, ct)))
            {
                revoked[item] = !revoked[item];
            }

            decided();
        }
    }
}
