using AccessReviewFunctions.Functions.Tests.Infrastructure;

namespace AccessReviewFunctions.Bench;

/// <summary>7. Scale-out: the creation load of scenario 2 against one host process, then (a fresh storage prefix)
/// against two host processes sharing the Azurite, creates alternating between them: reviews/s of each and the ratio
/// (above 1: the second instance adds throughput; at or below: only contention). The hosts are the Release build
/// beside this program, started as child processes and stopped at the end of the run. Size: reviews.</summary>
internal sealed class ScaleOut : IScenario
{
    public const string Name = "7 scale-out";
    public static readonly Figure One = new(Name, "one host process, create → ACTIVE", "reviews/s", EndToEnd: true);
    public static readonly Figure Two = new(Name, "two host processes, create → ACTIVE", "reviews/s", EndToEnd: true);
    public static readonly Figure Ratio = new(Name, "two ÷ one", "×");

    public string Key => "scaleout";

    public string Title => Name;

    public IReadOnlyList<Figure> Figures => [One, Two, Ratio];

    public int Size(bool quick) => quick ? 100 : 500;

    public TimeSpan Bound(int size) => TimeSpan.FromSeconds(120 + size);

    public async Task RunAsync(Run run)
    {
        var one = await RateAsync(run, 1);
        run.Record(One, one);
        var two = await RateAsync(run, 2);
        run.Record(Two, two);
        run.Record(Ratio, two / one);
    }

    private static async Task<double> RateAsync(Run run, int processes)
    {
        var prefix = "s" + Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string>
        {
            ["Auth__SigningKey"] = BenchHostSettings.For(run.ConnectionString, 's')["Auth:SigningKey"]!,
            ["RateLimiting__Enabled"] = "false",
            ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.200",
        };
        var hosts = new List<HostProcess>();
        // a second Ctrl-C ends this process at once: the children go with it
        void KillAll(object? sender, EventArgs e) => hosts.ForEach(h => h.Kill());
        AppDomain.CurrentDomain.ProcessExit += KillAll;
        try
        {
            for (var i = 0; i < processes; i++)
            {
                hosts.Add(await HostProcess.StartAsync(AppContext.BaseDirectory, run.ConnectionString, settings["Auth__SigningKey"], prefix, settings));
            }

            var clients = await Task.WhenAll(hosts.Select(h => h.AsAsync(BenchInventory.Admin, "SUPER_ADMIN")));
            var (reviews, elapsed) = await Creation.CreateAllAsync(clients[0], run.Size, run, run.Cancel, clients);
            return reviews / elapsed.TotalSeconds;
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= KillAll;
            hosts.ForEach(h => h.Dispose());
        }
    }
}
