using System.Diagnostics;

namespace AccessReviewFunctions.Bench;

/// <summary>4. A large review: one principal with N application grants (a quarter with a group, a quarter with an
/// entitlement value): the import, create → ACTIVE, the p95 of a filtered, ordered <c>limit=200</c> page (the item
/// cache as configured) and of a decision on its items, and the storage requests (all of the host's, background included) per page and per decision. Size: access items.</summary>
internal sealed class LargeReview : IScenario
{
    public const string Name = "4 large review";
    private const int Requests = 40;
    public static readonly Figure Import = new(Name, "inventory import of the principal", "s", EndToEnd: true);
    public static readonly Figure Active = new(Name, "create → ACTIVE", "s", Target.Under(30), EndToEnd: true);
    public static readonly Figure Page = new(Name, "filtered, ordered limit=200 page p95", "ms", Target.Under(300));
    public static readonly Figure Decision = new(Name, "decision p95", "ms", Target.Under(200));
    public static readonly Figure PageOps = new(Name, "storage requests per page", "requests");
    public static readonly Figure DecisionOps = new(Name, "storage requests per decision", "requests");

    public string Key => "large";

    public string Title => Name;

    public IReadOnlyList<Figure> Figures => [Import, Active, Page, Decision, PageOps, DecisionOps];

    public int Size(bool quick) => quick ? 1000 : 20_000;

    // Until wide-principal import and gathering are fast (another branch), 20,000 items take minutes: the bound keeps make bench finite.
    public TimeSpan Bound(int size) => TimeSpan.FromSeconds(Math.Min(600, 120 + (size * 0.03)));

    public async Task RunAsync(Run run)
    {
        using var host = new BenchHost(run.ConnectionString);
        var admin = await host.ClientAsync(BenchInventory.Admin, "SUPER_ADMIN");
        var clock = Stopwatch.StartNew();
        await ReviewApi.ImportAsync(admin, BenchInventory.Document(1, run.Size, run.Size), run.Cancel);
        run.Record(Import, clock.Elapsed.TotalSeconds);
        clock.Restart();
        var id = await ReviewApi.CreateAsync(admin, 0, run.Cancel);
        await ReviewApi.UntilAsync("ACTIVE", 1, async () => (await ReviewApi.StatsAsync(admin, run.Cancel)).Active, run.Cancel);
        run.Record(Active, clock.Elapsed.TotalSeconds);

        var filter = Uri.EscapeDataString("priority eq \"HIGH\" or name co \"App 1\"");
        var page = $"{ReviewApi.AdminBase}/{id}/accesses?limit=200&filter={filter}&orderBy={Uri.EscapeDataString("lastAccess desc")}";
        var pages = new Latencies();
        run.Ops.Reset();
        for (var i = 0; i < Requests; i++)
        {
            await pages.TimeAsync(() => admin.GetAsync(new Uri(page, UriKind.Relative), run.Cancel));
            Progress.Report("pages", i + 1, Requests);
        }

        Progress.Done();
        run.Record(PageOps, (double)run.Ops.Total / Requests);
        run.Record(Page, pages.Failed == 0 ? pages.At(0.95) : throw new InvalidOperationException($"pages failed: {pages.Failures}"));
        var reviewer = await host.ClientAsync(BenchInventory.Reviewer(0));
        var loop = await ReviewerLoop.OpenAsync(reviewer, id, ReviewApi.MyBase, run.Cancel);
        var decisions = new Latencies();
        var done = 0;
        run.Ops.Reset();
        await loop.DecideAsync(Requests, decisions, ReviewApi.MyBase, () => Progress.Report("decisions", ++done, Requests), run.Cancel);
        Progress.Done();
        run.Record(DecisionOps, (double)run.Ops.Total / Requests);
        run.Record(Decision, decisions.Failed == 0 ? decisions.At(0.95) : throw new InvalidOperationException($"decisions failed: {decisions.Failures}"));
    }
}
