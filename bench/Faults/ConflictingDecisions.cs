using System.Collections.Concurrent;
using System.Text.Json;
using static AccessReviewFunctions.Faults.FaultInventory;

namespace AccessReviewFunctions.Faults;

/// <summary>
/// Scenario 4: <c>count</c> decisions on one access item at once, from every reviewer of the review, alternating
/// REVOKE_ACCESS and RESTORE_ACCESS, spread over the hosts. Every accepted (2xx) decision must be in the history and
/// the System Log exactly once, and the item must end as one of them: the last in the history.
/// </summary>
internal sealed class ConflictingDecisions(FaultEnvironment environment, Report report)
{
    private const string Scenario = "4 concurrent conflicting decisions on one item";
    private readonly Api api = environment.Api;

    public async Task RunAsync(int count)
    {
        var reviewers = Enumerable.Range(0, Reviewers).Select(Reviewer).ToList();
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var created = await api.SendAsync(HttpMethod.Post, AdminBase, Api.Admin, Review(Principal(Principals - 1), reviewers, TimeSpan.FromHours(1), "Conflicting decisions"), idempotencyKey: $"{environment.Prefix}-conflict");
        var id = created.Ok ? created.Json().GetProperty("id").GetString()! : throw new InvalidOperationException($"create: {created}");
        JsonElement review;
        do
        {
            await Task.Delay(500);
            review = await api.ReadAsync($"{AdminBase}/{id}");
        }
        while (ReviewWorkload.Text(review, "status") == "PENDING");

        var item = (await api.ReadAllAsync($"{AdminBase}/{id}/accesses?limit=200"))[0];
        var itemId = item.GetProperty("id").GetString()!;
        var label = item.GetProperty("name").GetString()!;
        var answers = new ConcurrentBag<(string Reviewer, string Action, int Status)>();
        var examples = new ConcurrentDictionary<int, string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sending = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            var (reviewer, action) = (reviewers[i % reviewers.Count], i % 2 == 0 ? "REVOKE_ACCESS" : "RESTORE_ACCESS");
            await start.Task;
            // As a client told to come back (503 and 409 carry Retry-After) would, a few times: a retry of a write whose
            // answer was lost could record it twice, which the history count below would show.
            var reply = await api.SendAsync(HttpMethod.Post, $"{MyBase}/{id}/accesses/{itemId}/actions", reviewer, new { type = action }, retryUnknown: false);
            for (var retry = 0; retry < 5 && reply.Status is 409 or 503; retry++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1 + Random.Shared.NextDouble()));
                reply = await api.SendAsync(HttpMethod.Post, $"{MyBase}/{id}/accesses/{itemId}/actions", reviewer, new { type = action }, retryUnknown: false);
            }

            answers.Add((reviewer, action, reply.Status));
            examples.TryAdd(reply.Status, reply.ToString());
        })).ToList();
        start.SetResult();
        await Task.WhenAll(sending);

        var byStatus = answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {(g.Key == 0 ? "no answer" : g.Key)}");
        Console.WriteLine($"  {count} decisions on one item of {id} in {clock.Elapsed.TotalSeconds:F0} s: {string.Join(", ", byStatus)}");
        foreach (var (status, example) in examples.Where(e => e.Key is not (>= 200 and < 300)))
        {
            Console.WriteLine($"    e.g. {example}");
        }

        var accepted = answers.Where(a => a.Status is >= 200 and < 300).ToList();
        report.Check(Scenario, "every request answered: accepted, refused (400: restore of an item not revoked), conflict (409) or storage busy (503)",
            answers.All(a => a.Status is (>= 200 and < 300) or 400 or 409 or 503), string.Join(", ", byStatus));

        var history = (await api.ReadAllAsync($"{AdminBase}/{id}/history?limit=200")).Select(h => h.GetProperty("message").GetString()!).ToList();
        var decisions = history.Where(m => m == $"revoked access to {label}" || m == $"restored access to {label}").ToList();
        var acceptedRevokes = accepted.Count(a => a.Action == "REVOKE_ACCESS");
        var historyRevokes = decisions.Count(m => m.StartsWith("revoked", StringComparison.Ordinal));
        var acceptedRestores = accepted.Count - acceptedRevokes;
        var historyRestores = decisions.Count - historyRevokes;
        report.Check(Scenario, "history holds every accepted decision", historyRevokes == acceptedRevokes && historyRestores == acceptedRestores,
            $"{accepted.Count} accepted ({acceptedRevokes} revokes, {acceptedRestores} restores); history {decisions.Count} ({historyRevokes} revokes, {historyRestores} restores)");
        report.Count(Scenario, "accepted decisions in history", Math.Max(0, acceptedRevokes - historyRevokes) + Math.Max(0, acceptedRestores - historyRestores),
            Math.Max(0, historyRevokes - acceptedRevokes) + Math.Max(0, historyRestores - acceptedRestores));

        // From undecided, a revoke is accepted only while the item is not revoked and a restore only while it is: in
        // a serial order the accepted ones alternate, starting with a revoke.
        report.Check(Scenario, "the accepted decisions alternate, as one serial order allows", acceptedRevokes - acceptedRestores is 0 or 1,
            $"{acceptedRevokes} revokes, {acceptedRestores} restores accepted");
        var final = (await api.ReadAllAsync($"{AdminBase}/{id}/accesses?limit=200")).Single(a => a.GetProperty("id").GetString() == itemId);
        var (decision, decidedBy) = (ReviewWorkload.Text(final, "decision"), ReviewWorkload.Text(final, "decidedBy"));
        var last = decisions.Count == 0 ? null : decisions[^1].StartsWith("revoked", StringComparison.Ordinal) ? "REVOKE_ACCESS" : "RESTORE_ACCESS";
        report.Check(Scenario, "the final state is one of the accepted decisions, the last one in history",
            accepted.Any(a => a.Action == decision && a.Reviewer == decidedBy) && decision == last, $"{decision} by {decidedBy}; last in history {last}");

        var events = await SystemLogAsync(id, since, accepted.Count);
        report.Count(Scenario, $"System Log access.review.action events ({events} for {accepted.Count} accepted)", Math.Max(0, accepted.Count - events), Math.Max(0, events - accepted.Count));
    }

    private async Task<int> SystemLogAsync(string id, DateTimeOffset since, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var until = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            var filter = Uri.EscapeDataString($"eventType eq \"access.review.action\" and target.id eq \"{id}\"");
            var events = (await api.ReadAllLinkedAsync($"/api/v1/logs?since={Uri.EscapeDataString(since.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))}&until={until}&filter={filter}&limit=1000")).Count;
            if (events >= expected || DateTime.UtcNow > deadline)
            {
                return events;
            }

            await Task.Delay(2000);
        }
    }
}
