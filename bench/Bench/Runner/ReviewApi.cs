using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace AccessReviewFunctions.Bench;

/// <summary>The HTTP calls the scenarios make: import, create, read, wait.</summary>
internal static class ReviewApi
{
    public const string AdminBase = "/governance/api/v2/security-access-reviews";
    public const string MyBase = "/governance/api/v2/my/security-access-reviews";

    public static async Task ImportAsync(HttpClient admin, object document, CancellationToken ct) =>
        await SendAsync(() => admin.PostAsJsonAsync("/api/v1/inventory/import", document, ct), "import", ct);

    /// <summary>Creates a review of principal i by reviewer i; returns its id.</summary>
    public static async Task<string> CreateAsync(HttpClient admin, int i, CancellationToken ct, DateTimeOffset? endTime = null, string? expirationBehavior = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["principalId"] = BenchInventory.Principal(i),
            ["name"] = $"bench {i}",
            ["reviewerSettings"] = new { type = "USER", userSettings = new { includedUserIds = new[] { BenchInventory.Reviewer(i) } } },
            ["autoComplete"] = false,
        };
        if (endTime is { } end)
        {
            body["endTime"] = end;
        }

        if (expirationBehavior is not null)
        {
            body["expirationBehavior"] = expirationBehavior;
        }

        return (await SendAsync(() => admin.PostAsJsonAsync(AdminBase, body, ct), $"create review {i}", ct)).GetProperty("id").GetString()!;
    }

    public static Task<JsonElement> GetAsync(HttpClient client, string path, CancellationToken ct) =>
        SendAsync(() => client.GetAsync(new Uri(path, UriKind.Relative), ct), $"GET {path}", ct);

    /// <summary>Sends a request; a 503 says storage did not answer in time (a saturated machine): like a client, tries
    /// again after a moment, as the answer asks, at most 4 times, and says so, so retries are not hidden in a rate.</summary>
    public static async Task<JsonElement> SendAsync(Func<Task<HttpResponseMessage>> send, string what, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || attempt == 5)
            {
                return await CheckAsync(response, what, ct);
            }

            response.Dispose();
            Progress.Say($"    {what}: 503 (storage not answering), retry {attempt} of 4");
            await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
        }
    }

    /// <summary>The review counts by status (ACTIVE, PENDING, ERROR, CLOSED).</summary>
    public static async Task<(int Active, int Pending, int Error, int Closed)> StatsAsync(HttpClient admin, CancellationToken ct)
    {
        var stats = await GetAsync(admin, $"{AdminBase}/stats", ct);
        return (stats.GetProperty("activeCount").GetInt32(), stats.GetProperty("pendingCount").GetInt32(),
            stats.GetProperty("errorCount").GetInt32(), stats.GetProperty("closedCount").GetInt32());
    }

    /// <summary>Polls <paramref name="count"/> until it reaches <paramref name="total"/>, with a progress bar; the time it took.</summary>
    public static async Task<TimeSpan> UntilAsync(string what, long total, Func<Task<long>> count, CancellationToken ct, TimeSpan? every = null)
    {
        var clock = Stopwatch.StartNew();
        for (long done; (done = await count()) < total;)
        {
            Progress.Report(what, done, total);
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(500), ct);
        }

        Progress.Report(what, total, total);
        Progress.Done();
        return clock.Elapsed;
    }

    /// <summary>Runs <paramref name="work"/> for 0..count-1 from <paramref name="callers"/> callers, with a progress bar.</summary>
    public static async Task ForEachAsync(string what, int count, int callers, Func<int, CancellationToken, Task> work, CancellationToken ct)
    {
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = callers, CancellationToken = ct }, async (i, token) =>
        {
            await work(i, token);
            Progress.Report(what, Interlocked.Increment(ref done), count);
        });
        Progress.Done();
    }

    private static async Task<JsonElement> CheckAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            return response.IsSuccessStatusCode
                ? text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone()
                : throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
        }
    }
}
