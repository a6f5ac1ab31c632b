using System.Diagnostics;

namespace AccessReviewFunctions.Bench;

/// <summary>3. Decisions under load: 50 reviewers (10 with --quick), each on its own ACTIVE review of 20 grants, each
/// making N decisions through HTTP back to back (revoke, restore, ... over its items), all at once: decisions/s and
/// p50/p95/p99. Size: decisions per reviewer.</summary>
internal sealed class Decisions : IScenario
{
    public const string Name = "3 decisions under load";
    public static readonly Figure Rate = new(Name, "decisions, closed loop", "decisions/s", EndToEnd: true);
    public static readonly Figure P50 = new(Name, "decision p50", "ms");
    public static readonly Figure P95 = new(Name, "decision p95", "ms");
    public static readonly Figure P99 = new(Name, "decision p99", "ms", Target.Under(100));
    public static readonly Figure Failed = new(Name, "decisions not 2xx", "requests", Target.Under(1));

    public string Key => "decisions";

    public string Title => Name;

    public IReadOnlyList<Figure> Figures => [Rate, P50, P95, P99, Failed];

    public int Size(bool quick) => quick ? 20 : 200;

    public TimeSpan Bound(int size) => TimeSpan.FromSeconds(120 + size);

    public async Task RunAsync(Run run)
    {
        var reviewers = run.Size <= 20 ? 10 : 50;
        using var host = new BenchHost(run.ConnectionString);
        var admin = await host.ClientAsync(BenchInventory.Admin, "SUPER_ADMIN");
        await ReviewApi.ImportAsync(admin, BenchInventory.Document(reviewers, Creation.Grants, Creation.Grants * 2), run.Cancel);
        var ids = new string[reviewers];
        await ReviewApi.ForEachAsync("reviews created", reviewers, 16, async (i, ct) => ids[i] = await ReviewApi.CreateAsync(admin, i, ct), run.Cancel);
        await ReviewApi.UntilAsync("ACTIVE", reviewers, async () => (await ReviewApi.StatsAsync(admin, run.Cancel)).Active, run.Cancel);
        var loops = await Task.WhenAll(ids.Select(async (id, i) =>
            await ReviewerLoop.OpenAsync(await host.ClientAsync(BenchInventory.Reviewer(i)), id, ReviewApi.MyBase, run.Cancel)));

        var latencies = new Latencies();
        var (done, total) = (0, reviewers * run.Size);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(loops.Select(loop => Task.Run(() =>
            loop.DecideAsync(run.Size, latencies, ReviewApi.MyBase, () => Progress.Report("decisions", Interlocked.Increment(ref done), total), run.Cancel))));
        var elapsed = clock.Elapsed;
        Progress.Done();
        run.Record(Rate, latencies.Count / elapsed.TotalSeconds);
        run.Record(P50, latencies.At(0.5));
        run.Record(P95, latencies.At(0.95));
        run.Record(P99, latencies.At(0.99));
        run.Record(Failed, latencies.Failed);
        if (latencies.Failed > 0)
        {
            Progress.Say($"    failed: {latencies.Failures}");
        }
    }
}
