using System.Diagnostics;
using System.Net.Http.Json;

namespace AccessReviewFunctions.Bench;

/// <summary>5. Expiry storm: N reviews created (half with AUTO_REJECT_INCOMPLETE) until all are ACTIVE, then each one's
/// end time set (PATCH) to one instant a little ahead (the host allows short reviews: Reviews:MinDuration), on the real
/// clock: the time from that instant until all are CLOSED. Size: reviews.</summary>
internal sealed class ExpiryStorm : IScenario
{
    public const string Name = "5 expiry storm";
    public static readonly Figure Closed = new(Name, "end time → all CLOSED", "s", Target.Under(60), EndToEnd: true);

    public string Key => "expiry";

    public string Title => Name;

    public IReadOnlyList<Figure> Figures => [Closed];

    public int Size(bool quick) => quick ? 100 : 1000;

    public TimeSpan Bound(int size) => Margin(size) + TimeSpan.FromSeconds(120 + (size * 0.3));

    public async Task RunAsync(Run run)
    {
        using var host = new BenchHost(run.ConnectionString, new Dictionary<string, string?> { ["Reviews:MinDuration"] = "00:00:01" });
        var admin = await host.ClientAsync(BenchInventory.Admin, "SUPER_ADMIN");
        await ReviewApi.ImportAsync(admin, BenchInventory.Document(run.Size, Creation.Grants, Creation.Grants * 2), run.Cancel);
        var ids = new string[run.Size];
        await ReviewApi.ForEachAsync("created", run.Size, 16, async (i, ct) =>
            ids[i] = await ReviewApi.CreateAsync(admin, i, ct, expirationBehavior: i % 2 == 0 ? "AUTO_REJECT_INCOMPLETE" : null), run.Cancel);
        await ReviewApi.UntilAsync("ACTIVE", run.Size, async () => (await ReviewApi.StatsAsync(admin, run.Cancel)).Active, run.Cancel);

        // Then one end time for all, a little ahead: however long the creation took, the storm starts at one instant.
        var end = DateTimeOffset.UtcNow + Margin(run.Size);
        end = new DateTimeOffset(end.Ticks - (end.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        await ReviewApi.ForEachAsync("end time set", run.Size, 16, async (i, ct) =>
            await ReviewApi.SendAsync(() => admin.PatchAsJsonAsync($"{ReviewApi.AdminBase}/{ids[i]}", new { endTime = end }, ct), $"set end time {i}", ct), run.Cancel);
        var ahead = end - DateTimeOffset.UtcNow;
        if (ahead <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"setting the end times took longer than the margin ({-ahead.TotalSeconds:N0} s late): the storm would overlap it");
        }

        Progress.Say($"    all end at {end:HH:mm:ss}, {ahead.TotalSeconds:N0} s ahead; waiting");
        await Task.Delay(ahead, run.Cancel);
        run.Ops.Reset();
        var clock = Stopwatch.StartNew();
        await ReviewApi.UntilAsync("CLOSED", run.Size, async () => (await ReviewApi.StatsAsync(admin, run.Cancel)).Closed, run.Cancel);
        run.Record(Closed, clock.Elapsed.TotalSeconds);
        Progress.Say($"    storage requests until all CLOSED: {run.Ops.Describe()}");
    }

    // time to PATCH every review's end time (a one-row update each) with room to spare
    private static TimeSpan Margin(int size) => TimeSpan.FromSeconds(20 + (size * 0.05));
}
