using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using AccessReviewFunctions.Functions.Remediation;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Functions.Runtime.Queues;
using Azure.Storage.Queues;
using static AccessReviewFunctions.Faults.FaultInventory;

namespace AccessReviewFunctions.Faults;

/// <summary>
/// Scenario 3: copies of messages the host already handled (twice each), messages out of their order (an older
/// timer, an earlier log feed, a retry after success, a report timeout for a change that succeeded) and poison
/// (not an envelope, an unknown type, a body of the wrong shape, an envelope without a body), written straight
/// onto the host's queues for settled reviews. Nothing may change but the poison queues.
/// </summary>
internal sealed partial class MessageInjection(FaultEnvironment environment, Receiver receiver, Report report)
{
    private const string Scenario = "3 duplicate, out-of-order and poison messages";
    private static readonly string[] Queues = [ReviewQueues.Control, ReviewQueues.Work, AppendReviewLog.Queue, RemediationQueues.Work];
    private readonly Api api = environment.Api;

    public async Task RunAsync(IReadOnlyList<string> reviewIds, TimeSpan timeout)
    {
        var before = await SnapshotAsync(reviewIds);
        var (appliedBefore, repeatsBefore) = (receiver.Applied, receiver.Repeats);
        var poisonBefore = await PoisonCountsAsync();
        var sent = 0;
        foreach (var id in reviewIds)
        {
            var review = await api.ReadAsync($"{AdminBase}/{id}");
            var endTime = review.GetProperty("endTime").GetDateTimeOffset();
            var history = (await api.ReadAllAsync($"{AdminBase}/{id}/history?limit=200")).Count;
            var targets = receiver.KeysOf(id).Select(k => k.Split(':')).Select(k => new RemediationTarget(k[1], null, int.Parse(k[3], CultureInfo.InvariantCulture))).ToList();
            var duplicates = new List<(string Queue, IWorkflowMessage Message)>
            {
                (ReviewQueues.Work, new GatherAccess(id)),
                (ReviewQueues.Control, new ReviewEndTimer(id, endTime)),
                (ReviewQueues.Work, new ApplyPendingDecisions(id)),
                (ReviewQueues.Work, new RecordDecisions(id)),
                (AppendReviewLog.Queue, new AppendReviewLog(id, 1, history)),
                (RemediationQueues.Work, new RemediateAccess(id, targets)),
            };
            var outOfOrder = new List<(string Queue, IWorkflowMessage Message)>
            {
                (ReviewQueues.Control, new ReviewEndTimer(id, endTime.AddDays(-1))),
                (AppendReviewLog.Queue, new AppendReviewLog(id, 2, 1)),
                (RemediationQueues.Work, new RemediateAccess(id, targets, 2)),
            };
            outOfOrder.AddRange(targets.Select(t => (RemediationQueues.Work, (IWorkflowMessage)new RemediationReportTimeout(id, t))));
            foreach (var (queue, message) in duplicates.Concat(duplicates).Concat(outOfOrder))
            {
                await SendAsync(queue, Envelope(message));
                sent++;
            }
        }

        var poison = new List<(string Queue, string Text)>
        {
            (ReviewQueues.Work, "this is not a message envelope"),
            (ReviewQueues.Control, """{"id":"faults.unknown","type":"NoSuchMessage","body":{}}"""),
            (ReviewQueues.Work, """{"id":"faults.shape","type":"GatherAccess","body":{"reviewId":42}}"""),
            (AppendReviewLog.Queue, """{"id":"faults.empty","type":"AppendReviewLog"}"""),
        };
        foreach (var (queue, text) in poison)
        {
            await SendAsync(queue, text);
        }

        Console.WriteLine($"  injected {sent} duplicate and out-of-order messages for {reviewIds.Count} settled reviews and {poison.Count} poison messages");
        var drained = await DrainedAsync(timeout);
        report.Check(Scenario, "the queues drain", drained, drained ? "every injected message handled" : "messages still on the queues");
        var poisonAfter = await PoisonCountsAsync();
        var expectedPoison = poison.GroupBy(p => p.Queue, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var poisonDelta = Queues.ToDictionary(q => q, q => poisonAfter[q] - poisonBefore[q], StringComparer.Ordinal);
        report.Check(Scenario, "each poison message on its queue's poison queue, nothing else there", Queues.All(q => poisonDelta[q] == expectedPoison.GetValueOrDefault(q)),
            string.Join(", ", Queues.Select(q => $"{q}-poison +{poisonDelta[q]} (expected {expectedPoison.GetValueOrDefault(q)})")));
        var after = await SnapshotAsync(reviewIds);
        var changed = reviewIds.Where(id => before[id] != after[id]).ToList();
        report.Check(Scenario, "reviews, items, history and System Log unchanged", changed.Count == 0, $"{changed.Count} of {reviewIds.Count} reviews changed");
        foreach (var id in changed.Take(3))
        {
            var (was, now) = (before[id].Split('\n'), after[id].Split('\n'));
            var at = Enumerable.Range(0, Math.Min(was.Length, now.Length)).FirstOrDefault(i => was[i] != now[i], Math.Min(was.Length, now.Length));
            Console.WriteLine($"    {id}: {was.Length} parts before, {now.Length} after; first difference:");
            Console.WriteLine($"      before: {(at < was.Length ? was[at] : "(none)")}");
            Console.WriteLine($"      after:  {(at < now.Length ? now[at] : "(none)")}");
        }

        report.Count(Scenario, $"remediation changes (no new key; {receiver.Repeats - repeatsBefore} repeat calls with an applied key, deduplicated by the receiver)", 0, receiver.Applied - appliedBefore);
    }

    private static string Envelope(IWorkflowMessage message) => JsonSerializer.Serialize(
        new MessageEnvelope(message.MessageId, message.GetType().Name, JsonSerializer.SerializeToElement(message, message.GetType(), MessageSerializer.Json)), MessageSerializer.Json);

    private QueueClient Queue(string name) => new(environment.ConnectionString, $"{environment.Prefix}-{name}", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    private async Task SendAsync(string queue, string text) => await Queue(queue).SendMessageAsync(text);

    private async Task<Dictionary<string, int>> PoisonCountsAsync()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var queue in Queues)
        {
            var poison = Queue(QueueNames.Poison(queue));
            counts[queue] = await poison.ExistsAsync() ? (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;
        }

        return counts;
    }

    /// <summary>True once every queue reads empty three times in a row, a second apart (what a handler sends is seen too).</summary>
    private async Task<bool> DrainedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var empty = 0;
        while (empty < 3 && DateTime.UtcNow < deadline)
        {
            var total = 0;
            foreach (var queue in Queues)
            {
                total += (await Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount;
            }

            empty = total == 0 ? empty + 1 : 0;
            await Task.Delay(1000);
        }

        return empty >= 3;
    }

    /// <summary>What a reader sees of each review: the review, its items, its history, its System Log events (links left out: they name the host).</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync(IReadOnlyList<string> reviewIds)
    {
        var log = await api.ReadAllLinkedAsync($"/api/v1/logs?since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}&limit=1000");
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in reviewIds)
        {
            var parts = new List<JsonElement> { await api.ReadAsync($"{AdminBase}/{id}") };
            parts.AddRange(await api.ReadAllAsync($"{AdminBase}/{id}/accesses?limit=200"));
            parts.AddRange(await api.ReadAllAsync($"{AdminBase}/{id}/history?limit=200"));
            parts.AddRange(log.Where(e => e.GetRawText().Contains(id, StringComparison.Ordinal)));
            snapshot[id] = HostAddress().Replace(string.Join("\n", parts.Select(p => WithoutLinks(JsonNode.Parse(p.GetRawText()))?.ToJsonString())), "http://host");
        }

        return snapshot;
    }

    /// <summary>Absolute URLs name the host that answered (logoUrl): every host must answer the same.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"http://127\.0\.0\.1:[0-9]+")]
    private static partial System.Text.RegularExpressions.Regex HostAddress();

    private static JsonNode? WithoutLinks(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            o.Remove("_links");
            foreach (var (_, child) in o)
            {
                WithoutLinks(child);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a)
            {
                WithoutLinks(child);
            }
        }

        return node;
    }
}
