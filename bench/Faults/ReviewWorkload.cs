using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using static AccessReviewFunctions.Faults.FaultInventory;

namespace AccessReviewFunctions.Faults;

/// <summary>
/// Reviews in flight with remediation, while a fault strikes: each is created (with an Idempotency-Key, so a retry
/// on another host is safe), gathered, gets 0, 1 or 2 reviewer revokes, closes at its end time with the rest revoked
/// automatically, and every revoke is carried out through the webhook. Then every review is checked: terminal,
/// every transition in its history and in the System Log exactly once, every change applied under exactly one key.
/// </summary>
internal sealed class ReviewWorkload(FaultEnvironment environment, Receiver receiver, Report report, string scenario, int reviews, TimeSpan lead) : IDisposable
{
    private readonly Api api = environment.Api;
    private readonly string?[] ids = new string?[reviews];
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> accepted = new(StringComparer.Ordinal);
    private readonly int appliedBefore = receiver.Applied;

    /// <summary>Reviews waiting to be ACTIVE are polled a few at a time, so polling does not crowd out the work.</summary>
    private readonly SemaphoreSlim polls = new(8);
    private int created;
    private int decided;

    /// <summary>Creates, decisions and remediation calls so far, out of <see cref="PlannedSteps"/>: where a fault lands.</summary>
    public int Steps => Volatile.Read(ref created) + Volatile.Read(ref decided) + receiver.Applied - appliedBefore;

    public int PlannedSteps => reviews + Enumerable.Range(0, reviews).Sum(Planned) + (reviews * Apps);

    public IReadOnlyList<string> Ids => [.. ids.OfType<string>()];

    public void Dispose() => polls.Dispose();

    /// <summary>
    /// Runs the load with <paramref name="fault"/> beside it, waits (at most <paramref name="settle"/> after both are
    /// done) until every review is terminal, and checks.
    /// </summary>
    public async Task RunAsync(Func<ReviewWorkload, Task> fault, TimeSpan settle)
    {
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow.AddMinutes(-1);
        using var stop = new CancellationTokenSource();
        var progress = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(10_000, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,4:F0} s: {Volatile.Read(ref created)}/{reviews} created, {Volatile.Read(ref decided)} reviewer decisions, {receiver.Applied - appliedBefore}/{reviews * Apps} changes applied");
            }
        });
        var faulting = fault(this);
        var deciding = new ConcurrentBag<Task>();
        await Parallel.ForEachAsync(Enumerable.Range(0, reviews), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            if (await CreateAsync(i) is { } id)
            {
                deciding.Add(DecideAsync(i, id));
            }
        });
        await Task.WhenAll(deciding);
        await faulting;
        var open = await UntilTerminalAsync(lead + settle);
        await stop.CancelAsync();
        await progress;
        report.Check(scenario, "every review reaches its terminal state", open == 0, $"{reviews - open} of {reviews} CLOSED with every remediation settled, {clock.Elapsed.TotalSeconds:F0} s after the first create");
        await VerifyAsync(started);
    }

    private string Name(int i) => $"Fault {scenario} {i}";

    /// <summary>0, 1 or 2 reviewer revokes by review number: the rest are revoked automatically at the end time.</summary>
    private static int Planned(int i) => i % 3 == 0 ? 2 : i % 3 == 1 ? 1 : 0;

    private async Task<string?> CreateAsync(int i)
    {
        // Retried with the same key and body until a host answers; a body whose end time passed meanwhile is refused
        // (400: nothing created), so it is sent again under a new key with a new end time.
        var reply = new Reply(0, "not sent");
        for (var attempt = 0; attempt < 3 && !reply.Ok; attempt++)
        {
            reply = await api.SendAsync(HttpMethod.Post, AdminBase, Api.Admin, Review(Principal(i), [Reviewer(i)], lead, Name(i)), idempotencyKey: $"{environment.Prefix}-{i}-{attempt}");
            if (!reply.Ok)
            {
                Console.WriteLine($"  create {i} attempt {attempt + 1}: {reply}");
            }
        }

        if (!reply.Ok)
        {
            return null;
        }

        var id = reply.Json().GetProperty("id").GetString()!;
        ids[i] = id;
        accepted[id] = new(StringComparer.Ordinal);
        Interlocked.Increment(ref created);
        return id;
    }

    /// <summary>Once the review is ACTIVE, its reviewer revokes the planned number of items.</summary>
    private async Task DecideAsync(int i, string id)
    {
        var review = await UntilAsync(id, r => Status(r) != "PENDING", lead + TimeSpan.FromMinutes(3));
        if (Status(review) != "ACTIVE" || Planned(i) == 0)
        {
            return;
        }

        var items = await api.ReadAllAsync($"{AdminBase}/{id}/accesses?limit=200");
        foreach (var item in items.Take(Planned(i)))
        {
            var itemId = item.GetProperty("id").GetString()!;
            if (await DecideOnceAsync(id, Reviewer(i), itemId))
            {
                accepted[id].TryAdd(itemId, 0);
                Interlocked.Increment(ref decided);
            }
        }
    }

    /// <summary>
    /// A reviewer's revoke, sent again only when the item shows it did not happen: a lost answer (dead host, storage
    /// away) may hide a commit, and a second revoke would be a second transition.
    /// </summary>
    private async Task<bool> DecideOnceAsync(string id, string reviewer, string itemId)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var reply = await api.SendAsync(HttpMethod.Post, $"{MyBase}/{id}/accesses/{itemId}/actions", reviewer, new { type = "REVOKE_ACCESS" }, retryUnknown: false);
            if (reply.Ok)
            {
                return true;
            }

            if (reply.Status is 400 or 403 or 404)
            {
                return false; // the review closed first: the item is revoked automatically
            }

            await Task.Delay(1000);
            var item = (await api.ReadAllAsync($"{AdminBase}/{id}/accesses?limit=200")).Single(a => a.GetProperty("id").GetString() == itemId);
            if (Text(item, "decidedBy") == reviewer)
            {
                return true;
            }

            if (Text(item, "decision") is not null)
            {
                return false;
            }
        }

        return false;
    }

    private async Task<int> UntilTerminalAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var open = new ConcurrentDictionary<string, byte>(ids.OfType<string>().Select(id => KeyValuePair.Create(id, (byte)0)), StringComparer.Ordinal);
        while (!open.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Parallel.ForEachAsync(open.Keys.ToList(), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
            {
                if (Terminal(await api.ReadAsync($"{AdminBase}/{id}")))
                {
                    open.TryRemove(id, out byte _);
                }
            });
            if (!open.IsEmpty)
            {
                await Task.Delay(2000);
            }
        }

        return open.Count + ids.Count(id => id is null);
    }

    private async Task VerifyAsync(DateTimeOffset since)
    {
        var created = ids.OfType<string>().ToList();
        report.Count(scenario, "creates (every create answered, after retries)", reviews - created.Count, 0);
        var histories = new ConcurrentDictionary<string, List<string>>(StringComparer.Ordinal);
        long closedUngathered = 0, ungatheredWrong = 0, itemsWrong = 0, historyLost = 0, historyDuplicated = 0, changesLost = 0, changesDuplicated = 0, remediationsUnsettled = 0;
        var problems = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(created, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
        {
            var mine = accepted[id];
            var items = await api.ReadAllAsync($"{AdminBase}/{id}/accesses?limit=200");
            var history = (await api.ReadAllAsync($"{AdminBase}/{id}/history?limit=200")).Select(h => h.GetProperty("message").GetString()!).ToList();
            histories[id] = history;
            if (!history.Any(m => m.StartsWith("gathered ", StringComparison.Ordinal)))
            {
                // Its end time passed before its access was gathered: it closes with nothing to review.
                Interlocked.Increment(ref closedUngathered);
                if (items.Count > 0 || history.Count != 2)
                {
                    Interlocked.Increment(ref ungatheredWrong);
                    problems.Enqueue($"{id} closed before it was gathered: {items.Count} access items shown (expected none), history {string.Join(" | ", history)}");
                }

                return;
            }

            foreach (var item in items)
            {
                var byReviewer = mine.ContainsKey(item.GetProperty("id").GetString()!);
                var decidedBy = Text(item, "decidedBy");
                var ok = Text(item, "decision") == "REVOKE_ACCESS" && (byReviewer ? decidedBy is not null && decidedBy != "system" : decidedBy == "system");
                var remediation = item.TryGetProperty("remediation", out var r) && r.ValueKind == JsonValueKind.Object ? Text(r, "status") : null;
                if (!ok)
                {
                    Interlocked.Increment(ref itemsWrong);
                    problems.Enqueue($"{id} item {item.GetProperty("id")}: decision {Text(item, "decision")} by {decidedBy}, expected {(byReviewer ? "the reviewer" : "system")}");
                }

                if (remediation != "SUCCEEDED")
                {
                    Interlocked.Increment(ref remediationsUnsettled);
                    problems.Enqueue($"{id} item {item.GetProperty("id")}: remediation {remediation}");
                }
            }

            var automatic = items.Count - mine.Count;
            var expected = new (string Kind, int Count)[]
            {
                ("created ", 1), ("gathered ", 1), ("revoked access to ", mine.Count),
                ($"automatically revoked {automatic} undecided", automatic > 0 ? 1 : 0), ("closed the review: the end time was reached", 1),
            };
            foreach (var (kind, count) in expected)
            {
                var actual = history.Count(m => m.StartsWith(kind, StringComparison.Ordinal));
                Interlocked.Add(ref historyLost, Math.Max(0, count - actual));
                Interlocked.Add(ref historyDuplicated, Math.Max(0, actual - count));
                if (actual != count)
                {
                    problems.Enqueue($"{id} history: {actual} × '{kind}', expected {count}: {string.Join(" | ", history)}");
                }
            }

            var unmatched = history.Where(m => !expected.Any(e => e.Count > 0 && m.StartsWith(e.Kind, StringComparison.Ordinal))).ToList();
            Interlocked.Add(ref historyDuplicated, unmatched.Count);
            if (unmatched.Count > 0)
            {
                problems.Enqueue($"{id} history: unexpected {string.Join(" | ", unmatched)}");
            }

            var changes = receiver.KeysPerChange(id);
            Interlocked.Add(ref changesLost, Math.Max(0, items.Count - changes.Count(c => c.Key.EndsWith(" REVOKE", StringComparison.Ordinal))));
            Interlocked.Add(ref changesDuplicated, changes.Values.Sum(keys => keys - 1) + changes.Count(c => !c.Key.EndsWith(" REVOKE", StringComparison.Ordinal)));
            if (changes.Count != items.Count || changes.Values.Any(k => k != 1))
            {
                problems.Enqueue($"{id} webhook: {string.Join(", ", changes.Select(c => $"{c.Key} under {c.Value} keys"))}; {items.Count} items");
            }
        });

        if (closedUngathered > 0)
        {
            report.Check(scenario, "a review whose end time passed before it was gathered closes with no access items and history created, closed", ungatheredWrong == 0,
                $"{closedUngathered} closed before they were gathered, {ungatheredWrong} of them wrong");
        }

        await VerifyCreatedOnceAsync();
        report.Check(scenario, "every item revoked, by its reviewer or automatically", itemsWrong == 0, $"{itemsWrong} items wrong");
        report.Check(scenario, "every remediation SUCCEEDED", remediationsUnsettled == 0, $"{remediationsUnsettled} not SUCCEEDED");
        report.Count(scenario, "history transitions", historyLost, historyDuplicated);
        report.Count(scenario, $"remediation changes (webhook: {receiver.Applied - appliedBefore} applied = distinct keys, {receiver.Repeats} repeat calls with the same key so far, deduplicated by the receiver)", changesLost, changesDuplicated);
        await VerifySystemLogAsync(since, histories);
        foreach (var problem in problems.Take(10))
        {
            Console.WriteLine($"    {problem}");
        }
    }

    /// <summary>No create applied twice: each review name (one per create, whatever its retries) is on exactly one review.</summary>
    private async Task VerifyCreatedOnceAsync()
    {
        var filter = Uri.EscapeDataString($"name co \"Fault {scenario} \"");
        var names = (await api.ReadAllAsync($"{AdminBase}?limit=200&filter={filter}")).Select(r => r.GetProperty("name").GetString()!).ToList();
        var mine = Enumerable.Range(0, reviews).Select(Name).ToHashSet(StringComparer.Ordinal);
        var counts = names.Where(mine.Contains).GroupBy(n => n, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        report.Count(scenario, $"reviews created ({counts.Count} names on {counts.Values.Sum()} reviews)", reviews - counts.Count, counts.Values.Sum(c => c - 1));
    }

    /// <summary>One System Log event per history entry of each review, plus one access.review.remediate per item.</summary>
    private async Task VerifySystemLogAsync(DateTimeOffset since, ConcurrentDictionary<string, List<string>> histories)
    {
        var expected = histories.Values.Sum(h => h.Count + Remediations(h));
        var events = new List<JsonElement>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        do
        {
            var until = DateTimeOffset.UtcNow.AddMinutes(1);
            events = (await api.ReadAllLinkedAsync($"/api/v1/logs?since={Iso(since)}&until={Iso(until)}&limit=1000"))
                .Where(e => ReviewOf(e) is { } r && histories.ContainsKey(r)).ToList();
            if (events.Count < expected)
            {
                await Task.Delay(2000);
            }
        }
        while (events.Count < expected && DateTime.UtcNow < deadline);

        long lost = 0, duplicated = events.Count - events.Select(e => e.GetProperty("uuid").GetString()).Distinct(StringComparer.Ordinal).Count();
        var byReview = events.GroupBy(e => ReviewOf(e)!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (id, history) in histories)
        {
            var own = byReview.GetValueOrDefault(id) ?? [];
            var remediate = own.Count(e => e.GetProperty("eventType").GetString() == "access.review.remediate");
            var rest = own.Count - remediate;
            lost += Math.Max(0, history.Count - rest) + Math.Max(0, Remediations(history) - remediate);
            duplicated += Math.Max(0, rest - history.Count) + Math.Max(0, remediate - Remediations(history));
        }

        report.Count(scenario, $"System Log events ({events.Count} for these reviews: one per history entry, one access.review.remediate per item)", lost, duplicated);
    }

    /// <summary>Every item of a gathered review is revoked, so remediated: one access.review.remediate each.</summary>
    private static int Remediations(List<string> history) => history.Any(m => m.StartsWith("gathered ", StringComparison.Ordinal)) ? Apps : 0;

    private static string? ReviewOf(JsonElement e) =>
        e.TryGetProperty("debugContext", out var d) && d.TryGetProperty("debugData", out var data) && data.TryGetProperty("reviewId", out var r) ? r.GetString() : null;

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

    private async Task<JsonElement> UntilAsync(string id, Func<JsonElement, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            JsonElement review;
            await polls.WaitAsync();
            try
            {
                review = await api.ReadAsync($"{AdminBase}/{id}");
            }
            finally
            {
                polls.Release();
            }

            if (done(review) || DateTime.UtcNow > deadline)
            {
                return review;
            }

            await Task.Delay(2000);
        }
    }

    /// <summary>
    /// CLOSED with every remediation settled, or CLOSED before it was gathered (nothing to remediate; gathering is what
    /// writes the review's summary).
    /// </summary>
    private static bool Terminal(JsonElement review) =>
        Status(review) is "CLOSED" or "ERROR" && review.TryGetProperty("remediation", out var r) && r.ValueKind == JsonValueKind.Object
            ? r.TryGetProperty("completedAt", out var at) && at.ValueKind == JsonValueKind.String
            : Status(review) == "CLOSED" && !review.TryGetProperty("summary", out _);

    private static string? Status(JsonElement review) => Text(review, "status");

    internal static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
