using System.Diagnostics;
using AccessReviewFunctions.Functions.Tests.Infrastructure;

namespace AccessReviewFunctions.Bench;

/// <summary>3. Decisions under load: 50 reviewers (10 with --quick), each on its own ACTIVE review of 20 grants. Each
/// makes N decisions through HTTP back to back (revoke, restore, ... over its items), all at once: the closed-loop rate,
/// beside the raw rate of a decision's commit. Before that (so that the closed loop's backlog of System Log and
/// remediation messages does not weigh on it), each decides at its own pace, one decision every 2 s (the issue's
/// "50 reviewers at one per 2 s"): p50/p95/p99 of that open load. After the closed loop, the time until its follow-up
/// work is done (the host quiet). Size: closed-loop decisions per reviewer.</summary>
internal sealed class Decisions : IScenario
{
    public const string Name = "3 decisions under load";
    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(2);
    public static readonly Figure Rate = new(Name, "decisions, closed loop", "decisions/s", EndToEnd: true);
    public static readonly Figure Share = new(Name, "closed-loop decisions/s ÷ raw 6-entity ETag tx/s", "%", Target.Min(50), EndToEnd: true);
    public static readonly Figure ClosedP99 = new(Name, "decision p99, closed loop", "ms");
    public static readonly Figure Drained = new(Name, "closed loop's follow-up work (System Log, remediation) done, after its last answer", "s");
    public static readonly Figure P50 = new(Name, "decision p50, one per reviewer every 2 s", "ms");
    public static readonly Figure P95 = new(Name, "decision p95, one per reviewer every 2 s", "ms");
    public static readonly Figure P99 = new(Name, "decision p99, one per reviewer every 2 s", "ms", Target.Under(100));
    public static readonly Figure Failed = new(Name, "decisions not 2xx", "requests", Target.Under(1));

    public string Key => "decisions";

    public string Title => Name;

    public IReadOnlyList<Figure> Figures => [Rate, Share, ClosedP99, Drained, P50, P95, P99, Failed];

    public int Size(bool quick) => quick ? 20 : 200;

    public TimeSpan Bound(int size) => TimeSpan.FromSeconds(180 + size + (Paced(size) * Pace.TotalSeconds));

    /// <summary>Paced decisions per reviewer: a minute of them at full size.</summary>
    private static int Paced(int size) => size <= 20 ? 10 : 30;

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

        // Warm-up, untimed: each reviewer's first decision (the host's first decisions compile and fill pools).
        await Task.WhenAll(loops.Select(loop => loop.DecideAsync(1, new Latencies(), ReviewApi.MyBase, () => { }, run.Cancel)));
        var paced = new Latencies();
        var (done, total) = (0, reviewers * Paced(run.Size));
        await Task.WhenAll(loops.Select((loop, i) => Task.Run(() =>
            loop.DecideAsync(Paced(run.Size), paced, ReviewApi.MyBase, () => Progress.Report("decisions, one per reviewer every 2 s", Interlocked.Increment(ref done), total), run.Cancel,
                pace: Pace, offset: Pace * i / reviewers))));
        Progress.Done();
        run.Record(P50, paced.At(0.5));
        run.Record(P95, paced.At(0.95));
        run.Record(P99, paced.At(0.99));

        var closed = new Latencies();
        run.Ops.Reset();
        (done, total) = (0, reviewers * run.Size);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(loops.Select(loop => Task.Run(() =>
            loop.DecideAsync(run.Size, closed, ReviewApi.MyBase, () => Progress.Report("decisions, closed loop", Interlocked.Increment(ref done), total), run.Cancel))));
        var elapsed = clock.Elapsed;
        Progress.Done();
        run.Record(Rate, closed.Count / elapsed.TotalSeconds);
        Progress.Say($"    storage requests, closed loop: {run.Ops.Describe()}");
        run.Record(ClosedP99, closed.At(0.99));
        if (run.Ceiling?.DecisionsPerSecond is { } raw)
        {
            run.Record(Share, 100 * closed.Count / elapsed.TotalSeconds / raw);
        }

        // The answers come first; the work they leave (System Log entries, remediation) drains after them. Quiet: no
        // background send or handler in flight and every queue polled empty since.
        var drain = Stopwatch.StartNew();
        await host.Services.QuietAsync(TimeSpan.FromMinutes(4)).WaitAsync(run.Cancel);
        run.Record(Drained, drain.Elapsed.TotalSeconds);
        Progress.Say($"    storage requests, closed loop and its follow-up work: {run.Ops.Describe()}");

        run.Record(Failed, closed.Failed + paced.Failed);
        if (closed.Failed + paced.Failed > 0)
        {
            Progress.Say($"    failed: {closed.Failures} {paced.Failures}");
        }
    }
}
