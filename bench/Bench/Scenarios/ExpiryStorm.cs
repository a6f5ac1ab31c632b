using System.Diagnostics;

namespace AccessReviewFunctions.Bench;

/// <summary>5. Expiry storm: N ACTIVE reviews whose end time is one instant a little ahead (the host allows short
/// reviews: Reviews:MinDuration), half with AUTO_REJECT_INCOMPLETE, on the real clock: the time from that instant until
/// all are CLOSED. Size: reviews.</summary>
internal sealed class ExpiryStorm : IScenario
{
    public const string Name = "5 expiry storm";
    public static readonly Figure Closed = new(Name, "end time → all CLOSED", "s", Target.Under(60), EndToEnd: true);

    public string Key => "expiry";

    public string Title => Name;

    public IReadOnlyList<Figure> Figures => [Closed];

    public int Size(bool quick) => quick ? 100 : 1000;

    public TimeSpan Bound(int size) => Margin(size) + TimeSpan.FromSeconds(150);

    public async Task RunAsync(Run run)
    {
        using var host = new BenchHost(run.ConnectionString, new Dictionary<string, string?> { ["Reviews:MinDuration"] = "00:00:01" });
        var admin = await host.ClientAsync(BenchInventory.Admin, "SUPER_ADMIN");
        await ReviewApi.ImportAsync(admin, BenchInventory.Document(run.Size, Creation.Grants, Creation.Grants * 2), run.Cancel);
        var end = DateTimeOffset.UtcNow + Margin(run.Size);
        end = new DateTimeOffset(end.Ticks - (end.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        await ReviewApi.ForEachAsync("created", run.Size, 16, (i, ct) =>
            ReviewApi.CreateAsync(admin, i, ct, end, i % 2 == 0 ? "AUTO_REJECT_INCOMPLETE" : null), run.Cancel);
        await ReviewApi.UntilAsync("ACTIVE", run.Size, async () => (await ReviewApi.StatsAsync(admin, run.Cancel)).Active, run.Cancel);
        var ahead = end - DateTimeOffset.UtcNow;
        if (ahead <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"the reviews were not all ACTIVE before their end time ({-ahead.TotalSeconds:N0} s late): the storm would overlap the creation");
        }

        Progress.Say($"    all ACTIVE {ahead.TotalSeconds:N0} s before their end time; waiting");
        await Task.Delay(ahead, run.Cancel);
        var clock = Stopwatch.StartNew();
        await ReviewApi.UntilAsync("CLOSED", run.Size, async () => (await ReviewApi.StatsAsync(admin, run.Cancel)).Closed, run.Cancel);
        run.Record(Closed, clock.Elapsed.TotalSeconds);
    }

    // creation runs at roughly 20 reviews/s here: end times far enough ahead for all to be ACTIVE first
    private static TimeSpan Margin(int size) => TimeSpan.FromSeconds(30 + (size * 0.1));
}
