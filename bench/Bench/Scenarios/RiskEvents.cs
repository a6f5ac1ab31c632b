using System.Diagnostics;
using System.Net.Http.Json;

namespace AccessReviewFunctions.Bench;

/// <summary>6b. Risk events end to end: N user.risk.detect HIGH events (one principal each, 20 grants, a manager)
/// posted as event-hook deliveries of 100, until N reviews are ACTIVE: events/s. Size: events.</summary>
internal sealed class RiskEvents : IScenario
{
    public const string Name = "6 risk events";
    public static readonly Figure Rate = new(Name, "risk event → review ACTIVE", "events/s", EndToEnd: true);

    public string Key => "risk";

    public string Title => Name;

    public IReadOnlyList<Figure> Figures => [Rate];

    public int Size(bool quick) => quick ? 100 : 1000;

    public TimeSpan Bound(int size) => TimeSpan.FromSeconds(90 + (size * 0.5));

    public async Task RunAsync(Run run)
    {
        using var host = new BenchHost(run.ConnectionString);
        var admin = await host.ClientAsync(BenchInventory.Admin, "SUPER_ADMIN");
        await ReviewApi.ImportAsync(admin, BenchInventory.Document(run.Size, Creation.Grants, Creation.Grants * 2), run.Cancel);
        var clock = Stopwatch.StartNew();
        foreach (var batch in Enumerable.Range(0, run.Size).Chunk(100))
        {
            var body = new { data = new { events = batch.Select(Event).ToList() } };
            await ReviewApi.SendAsync(() => admin.PostAsJsonAsync("/api/v1/risk-events", body, run.Cancel), "risk events", run.Cancel);
        }

        await ReviewApi.UntilAsync("ACTIVE", run.Size, async () => (await ReviewApi.StatsAsync(admin, run.Cancel)).Active, run.Cancel);
        run.Record(Rate, run.Size / clock.Elapsed.TotalSeconds);
    }

    private static object Event(int i) => new
    {
        uuid = $"bench-risk-{i:D6}",
        eventType = "user.risk.detect",
        published = "2026-01-05T09:00:00Z",
        actor = new { id = "risk-engine", type = "SystemPrincipal" },
        target = new[] { new { id = BenchInventory.Principal(i), type = "User", displayName = $"P{i}" } },
        outcome = new { result = "SUCCESS" },
        debugContext = new { debugData = new { risk = "{level=HIGH, reasons=Anomalous Device}" } },
    };
}
