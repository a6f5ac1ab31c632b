using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Storage.Logs;
using AccessReviewFunctions.Functions.Storage.Reviews;
using Azure;
using Azure.Data.Tables;

namespace AccessReviewFunctions.Bench;

/// <summary>11. System Log reads with many stored events: N events seeded straight into the log table (99 entries and
/// the bucket head per transaction, through <see cref="LogChain"/> and <see cref="TableSystemLog"/>'s columns, spread
/// over 30 days of hour buckets), then <c>GET /api/v1/logs?limit=1000</c> at several positions and
/// <c>GET /api/v1/logs/verify</c> for one day. Size: stored events.</summary>
internal sealed class SystemLogReads : IScenario
{
    public const string Name = "11 system log reads";
    private const int Requests = 20;
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);
    private static readonly DateTimeOffset Middle = Start + (Window / 2);

    private static readonly (string Label, string Query)[] Reads =
    [
        ("first page", $"since={Iso(Start)}&until={Iso(Start + Window)}"),
        ("from the middle", $"since={Iso(Middle)}&until={Iso(Start + Window)}"),
        ("DESCENDING", $"since={Iso(Start)}&until={Iso(Start + Window)}&sortOrder=DESCENDING"),
        ("2-hour since/until", $"since={Iso(Middle)}&until={Iso(Middle.AddHours(2))}"),
        ("one day, eventType filter", $"since={Iso(Middle)}&until={Iso(Middle.AddDays(1))}&filter=" + Uri.EscapeDataString("eventType eq \"access.review.action\"")),
    ];

    public static readonly Figure Seed = new(Name, "seed rate", "events/s");
    public static readonly Figure Verify = new(Name, "verify one day", "ms");
    private static readonly Figure[] ReadFigures = [.. Reads.SelectMany(r => new[] { new Figure(Name, $"{r.Label} p50", "ms"), new Figure(Name, $"{r.Label} p95", "ms") })];

    public string Key => "logs";

    public string Title => Name;

    public IReadOnlyList<Figure> Figures => [Seed, .. ReadFigures, Verify];

    public int Size(bool quick) => quick ? 20_000 : 1_000_000;

    // Seeding runs at a few thousand events/s on Azurite in memory; the reads add a minute.
    public TimeSpan Bound(int size) => TimeSpan.FromSeconds(120 + (size * 0.003));

    public async Task RunAsync(Run run)
    {
        var prefix = "l" + Guid.NewGuid().ToString("N")[..10];
        using var host = new BenchHost(run.ConnectionString, new Dictionary<string, string?> { ["Storage:Prefix"] = prefix });
        var admin = await host.ClientAsync(BenchInventory.Admin, "SUPER_ADMIN");
        var table = new TableServiceClient(run.ConnectionString).GetTableClient(prefix + TableSystemLog.Table);
        await table.CreateIfNotExistsAsync(run.Cancel);
        var clock = Stopwatch.StartNew();
        await SeedAsync(table, run.Size, run.Cancel);
        Progress.Done();
        run.Record(Seed, run.Size / clock.Elapsed.TotalSeconds);

        for (var k = 0; k < Reads.Length; k++)
        {
            var times = new Latencies();
            var uri = new Uri($"/api/v1/logs?limit=1000&{Reads[k].Query}", UriKind.Relative);
            for (var i = 0; i < Requests; i++)
            {
                await times.TimeAsync(() => admin.GetAsync(uri, run.Cancel));
                Progress.Report(Reads[k].Label, i + 1, Requests);
            }

            Progress.Done();
            if (times.Failed > 0)
            {
                throw new InvalidOperationException($"{Reads[k].Label} failed: {times.Failures}");
            }

            run.Record(ReadFigures[2 * k], times.At(0.5));
            run.Record(ReadFigures[(2 * k) + 1], times.At(0.95));
        }

        clock.Restart();
        var verify = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/logs/verify?since={Iso(Middle)}&until={Iso(Middle.AddDays(1))}", UriKind.Relative), run.Cancel);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var intact = verify.GetProperty("intact").GetBoolean();
        Progress.Say($"    verify: {verify.GetProperty("entries").GetInt64():N0} entries, intact {intact}");
        run.Record(Verify, intact ? elapsed : throw new InvalidOperationException($"verify says the seeded chain is broken: {verify}"));
    }

    /// <summary>Writes <paramref name="count"/> chained events spread evenly over the window, per hour bucket one
    /// transaction of 99 entries plus the bucket's head (as <see cref="TableSystemLog"/> appends).</summary>
    private static async Task SeedAsync(TableClient table, int count, CancellationToken cancel)
    {
        var step = Window / count;
        var buckets = Enumerable.Range(0, count).Select(i => Start + (step * i)).GroupBy(LogChain.Bucket).ToList();
        var done = 0;
        await Parallel.ForEachAsync(buckets, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancel }, async (bucket, ct) =>
        {
            var head = ChainHead.Empty;
            ETag? etag = null;
            foreach (var chunk in bucket.Chunk(99))
            {
                var actions = new List<TableTransactionAction>();
                foreach (var at in chunk)
                {
                    var e = Event(at);
                    var link = LogChain.Append(head, LogChain.Key(at, DurableRows.Escape(e.Uuid)), ReviewJson.Write(e));
                    head = new ChainHead(link.Sequence, link.Hash);
                    actions.Add(new(TableTransactionActionType.Add, new TableEntity(bucket.Key, link.Key)
                    {
                        [TableSystemLog.Json] = link.Text,
                        [TableSystemLog.Sequence] = link.Sequence,
                        [TableSystemLog.PreviousHash] = link.PreviousHash,
                        [TableSystemLog.Hash] = link.Hash,
                        ["EventType"] = e.EventType,
                        ["Uuid"] = e.Uuid,
                    }));
                }

                var next = new TableEntity(bucket.Key, TableSystemLog.HeadKey) { ["Count"] = head.Count, [TableSystemLog.Hash] = head.LastHash };
                actions.Add(etag is null ? new(TableTransactionActionType.Add, next) : new(TableTransactionActionType.UpdateReplace, next, etag.Value));
                var response = await table.SubmitTransactionAsync(actions, ct);
                etag = response.Value[^1].Headers.ETag;
                Progress.Report("seeded", Interlocked.Add(ref done, chunk.Length), count);
            }
        });
    }

    private static AuditEvent Event(DateTimeOffset at)
    {
        var uuid = Guid.CreateVersion7(at).ToString();
        return new(
            uuid, at, AuditTypes.EventTypes[(int)(at.UtcTicks / 1000 % AuditTypes.EventTypes.Count)], "0", AuditTypes.Info, "bench event",
            new AuditActor("00ubenchuser", AuditTypes.User, "00ubenchuser", "00ubenchuser"), new AuditClient("203.0.113.7"), new AuditAuthenticationContext(), new AuditSecurityContext(),
            [new AuditTarget("sarbench", AuditTypes.Review, "bench", "bench")], new AuditOutcome(AuditTypes.Success, "bench"),
            new AuditTransaction(AuditTypes.Web, uuid), new AuditDebugContext(new Dictionary<string, string> { ["reviewId"] = "sarbench" }));
    }

    private static string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
