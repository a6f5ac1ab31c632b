using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace AccessReviewFunctions.DecisionBench;

/// <summary>One reviewer on its own review: lists the access items once, then revokes and restores them in turn.</summary>
internal sealed class ReviewerLoop
{
    private readonly HttpClient client;
    private readonly string reviewId;
    private readonly string[] items;
    private readonly bool[] revoked;
    private int next;

    private ReviewerLoop(HttpClient client, string reviewId, string[] items, bool[] revoked, int withSubItems)
    {
        (this.client, this.reviewId, this.items, this.revoked, WithSubItems) = (client, reviewId, items, revoked, withSubItems);
    }

    public int ItemCount => items.Length;

    /// <summary>Items with groups or entitlement values: deciding one also decides its sub-access items.</summary>
    public int WithSubItems { get; }

    public static async Task<ReviewerLoop> OpenAsync(HttpClient client, string reviewId)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"{Scenario.MyBase}/{reviewId}/accesses?limit=200");
        var data = page.GetProperty("data").EnumerateArray().ToArray();
        if (data.Length == 0)
        {
            throw new InvalidOperationException($"review {reviewId} has no access items");
        }

        return new ReviewerLoop(
            client,
            reviewId,
            data.Select(i => i.GetProperty("id").GetString()!).ToArray(),
            data.Select(i => i.TryGetProperty("decision", out var d) && d.ValueKind == JsonValueKind.String && d.GetString() == "REVOKE_ACCESS").ToArray(),
            data.Count(i => i.TryGetProperty("subAccessTypes", out var s) && s.ValueKind == JsonValueKind.Array));
    }

    /// <summary>Decides back to back until <paramref name="stop"/> is set (a request under way finishes).</summary>
    public async Task RunClosedAsync(Recorder recorder, Func<bool> stop)
    {
        while (!stop())
        {
            await DecideAsync(NextItem(), recorder);
        }
    }

    /// <summary>Starts a decision every <paramref name="interval"/> whether or not the last one has answered (open loop),
    /// the first after <paramref name="offset"/> to spread reviewers; each on the next item, so none overlap on one item.</summary>
    public async Task RunPacedAsync(Recorder recorder, TimeSpan interval, TimeSpan offset, Func<bool> stop)
    {
        var started = Stopwatch.GetTimestamp();
        var pending = new List<Task>();
        for (var n = 0; !stop(); n++)
        {
            var due = offset + (interval * n) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            if (!stop())
            {
                pending.Add(DecideAsync(NextItem(), recorder));
            }
        }

        await Task.WhenAll(pending);
    }

    private int NextItem() => next++ % items.Length;

    private async Task DecideAsync(int item, Recorder recorder)
    {
        var type = revoked[item] ? "RESTORE_ACCESS" : "REVOKE_ACCESS";
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.PostAsJsonAsync($"{Scenario.MyBase}/{reviewId}/accesses/{items[item]}/actions", new { type });
            var latency = Stopwatch.GetElapsedTime(start);
            if (response.IsSuccessStatusCode)
            {
                revoked[item] = !revoked[item];
                recorder.Success(latency);
            }
            else
            {
                recorder.Failure(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        catch (HttpRequestException e)
        {
            recorder.Failure(e.GetType().Name);
        }
    }
}
