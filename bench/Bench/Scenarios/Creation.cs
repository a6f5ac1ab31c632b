using System.Diagnostics;

namespace AccessReviewFunctions.Bench;

/// <summary>2. Review creation: N reviews (principals with 20 grants: ~60 rows each with sub-access items and reviewer
/// rows) created by 16 clients, until all are ACTIVE: reviews/s, storage requests per review (the host's
/// StorageMetrics counter) and the achieved storage requests/s as a share of the raw single-insert rate. Size: reviews.</summary>
internal sealed class Creation : IScenario
{
    public const string Name = "2 review creation";
    public const int Grants = 20;
    public static readonly Figure Rate = new(Name, "create → ACTIVE", "reviews/s", Target.Min(20), EndToEnd: true);
    public static readonly Figure OpsPerReview = new(Name, "storage requests per review", "requests");
    public static readonly Figure Share = new(Name, "storage requests/s ÷ raw inserts/s", "%", Target.Min(50), EndToEnd: true);

    public string Key => "create";

    public string Title => Name;

    public IReadOnlyList<Figure> Figures => [Rate, OpsPerReview, Share];

    public int Size(bool quick) => quick ? 100 : 1000;

    public TimeSpan Bound(int size) => TimeSpan.FromSeconds(90 + (size * 0.5));

    public async Task RunAsync(Run run)
    {
        using var host = new BenchHost(run.ConnectionString);
        var admin = await host.ClientAsync(BenchInventory.Admin, "SUPER_ADMIN");
        var (reviews, elapsed) = await CreateAllAsync(admin, run.Size, run, run.Cancel);
        run.Record(Rate, reviews / elapsed.TotalSeconds);
        run.Record(OpsPerReview, (double)run.Ops.Total / reviews);
        Progress.Say($"    storage requests: {run.Ops.Describe()}");
        if (run.Ceiling is { } ceiling)
        {
            run.Record(Share, 100 * run.Ops.Total / elapsed.TotalSeconds / ceiling.InsertsPerSecond);
        }
    }

    /// <summary>Imports the principals and warms the hosts up (both untimed), then creates one review each from 16 clients
    /// over <paramref name="hosts"/> (round robin) and waits until all are ACTIVE; the storage counter counts from the first
    /// timed create.</summary>
    public static async Task<(int Reviews, TimeSpan Elapsed)> CreateAllAsync(HttpClient admin, int reviews, Run run, CancellationToken ct, params HttpClient[] hosts)
    {
        var warm = WarmUp(reviews);
        await ReviewApi.ImportAsync(admin, BenchInventory.Document(reviews + warm, Grants, Grants * 2), ct);
        var clients = hosts.Length == 0 ? [admin] : hosts;
        await CreateAsync("warm-up created", reviews, warm, clients, ct);
        await ActiveAsync("warm-up ACTIVE", warm, admin, ct);
        run.Ops.Reset();
        var clock = Stopwatch.StartNew();
        await CreateAsync("created", 0, reviews, clients, ct);
        await ActiveAsync("ACTIVE", warm + reviews, admin, ct);
        return (reviews, clock.Elapsed);
    }

    /// <summary>
    /// A fresh host runs the code of creation and gathering for the first time, and its JIT's background thread then used
    /// 16-45 % of a core for about 25 s (a per-thread <c>/proc</c> sample of a run without warm-up), inside the timed
    /// window. A running service is past that, so a tenth of the reviews (16 at least, on principals of their own) are
    /// created first, untimed: the first compilations and the connection pools are out of the window. The tier-1
    /// recompilation of the hottest code still falls into it (26-41 % of a core for about 10 s, sampled the same way).
    /// </summary>
    private static int WarmUp(int reviews) => Math.Max(16, reviews / 10);

    private static Task CreateAsync(string what, int first, int count, HttpClient[] clients, CancellationToken ct) =>
        ReviewApi.ForEachAsync(what, count, 16, (i, token) => ReviewApi.CreateAsync(clients[(first + i) % clients.Length], first + i, token), ct);

    private static Task<TimeSpan> ActiveAsync(string what, int total, HttpClient admin, CancellationToken ct) =>
        ReviewApi.UntilAsync(what, total, async () =>
        {
            var stats = await ReviewApi.StatsAsync(admin, ct);
            return stats.Error > 0 ? throw new InvalidOperationException($"{stats.Error} reviews in ERROR") : stats.Active;
        }, ct);
}
