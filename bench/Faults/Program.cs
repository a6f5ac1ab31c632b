using System.Diagnostics;
using AccessReviewFunctions.Bench;
using AccessReviewFunctions.Faults;
using AccessReviewFunctions.Functions.Tests.Infrastructure;

// The fault harness (make faults; docs/reliability.md): host child processes and Azurite on loopback, faults injected,
// every check printed, a summary at the end; exits 1 when any check fails. Every process it starts is stopped when it
// ends, also on Ctrl-C or SIGTERM.
// Usage: dotnet run -c Release --project bench/Faults -- [--quick] [--seed N] [--reviews N] [--outage-reviews N] [--decisions N] [--only 1,2,3,4]
BenchArgs options;
try
{
    options = new BenchArgs(args, new HashSet<string>(["--seed", "--reviews", "--outage-reviews", "--decisions", "--only"]), new HashSet<string>(["--quick"]));
}
catch (FormatException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

var quick = options.Flag("--quick");
var seed = (int)options.Number("--seed", Random.Shared.Next(1, 1_000_000));
var reviews = (int)options.Number("--reviews", quick ? 100 : 500);
var outageReviews = (int)options.Number("--outage-reviews", quick ? 40 : 100);
var decisions = (int)options.Number("--decisions", quick ? 200 : 1000);
var only = (options.Text("--only") ?? "1,2,3,4").Split(',').ToHashSet(StringComparer.Ordinal);
// How far ahead of its create each review ends: long enough for gathering and the reviewer's decisions on a loaded
// machine (a review whose end time passes first closes with nothing to review, which proves less).
var lead = TimeSpan.FromSeconds(quick ? 40 : 60);
var random = new Random(seed);

if (!File.Exists(Path.Combine(FaultEnvironment.HostDirectory, "AccessReviewFunctions.Functions.dll")))
{
    await Console.Error.WriteLineAsync($"No Release build of the host in {FaultEnvironment.HostDirectory}: run make faults (it builds it).");
    return 2;
}

if (!Directory.Exists(Path.Combine(Azurite.RepoRoot(), "node_modules", "azurite")))
{
    await Console.Error.WriteLineAsync("Azurite is not installed (node_modules/azurite is missing): run make tools, then try again.");
    return 2;
}

ProcessGuard.Install();
var clock = Stopwatch.StartNew();
Console.WriteLine($"fault harness{(quick ? " --quick" : string.Empty)}, seed {seed}: {reviews} reviews under kill -9, {outageReviews} under a storage outage, {decisions} conflicting decisions; {await MachineLoad.DescribeAsync()}");
var report = new Report();
await using var receiver = await Receiver.StartAsync();

if (only.Overlaps(["1", "3", "4"]))
{
    await using var shared = await FaultEnvironment.StartAsync(null, 2, receiver);
    await FaultInventory.ImportAsync(shared.Api);
    IReadOnlyList<string> settled = [];
    await Scenario("1 kill -9 of one of two hosts", only.Contains("1"), async name =>
    {
        using var workload = new ReviewWorkload(shared, receiver, report, name, reviews, lead);
        await workload.RunAsync(
            async w =>
            {
                var at = (int)(w.PlannedSteps * (0.15 + (random.NextDouble() * 0.5)));
                await Eventually.WaitAsync(() => w.Steps >= at, TimeSpan.FromMinutes(5));
                var victim = random.Next(2);
                shared.KillHost(victim);
                var step = w.Steps;
                Console.WriteLine($"  kill -9 host {victim} at step {step} of {w.PlannedSteps} (creates + reviewer decisions + changes applied)");
                var restart = Stopwatch.StartNew();
                await shared.StartHostAsync(victim);
                Console.WriteLine($"  host {victim} restarted, answering /healthz after {restart.Elapsed.TotalSeconds:F1} s");
                report.Check(name, "the kill landed mid-run", step < w.PlannedSteps, $"at step {step} of {w.PlannedSteps}");
            },
            TimeSpan.FromMinutes(quick ? 1.5 : 3));
        settled = workload.Ids;
    });
    await Scenario("3 duplicate, out-of-order and poison messages", only.Contains("3"), async _ =>
    {
        var targets = settled.Count > 0 ? settled.Take(3).ToList() : await SettledReviewsAsync(shared, receiver, report);
        await new MessageInjection(shared, receiver, report).RunAsync(targets, TimeSpan.FromMinutes(1));
    });
    await Scenario("4 concurrent conflicting decisions on one item", only.Contains("4"), _ => new ConflictingDecisions(shared, report).RunAsync(decisions));
}

await Scenario("2 storage stopped for 10 s and started again", only.Contains("2"), async name =>
{
    var folder = Directory.CreateTempSubdirectory("faults-azurite-");
    try
    {
        await using var persistent = await FaultEnvironment.StartAsync(folder.FullName, 2, receiver);
        await FaultInventory.ImportAsync(persistent.Api);
        using var workload = new ReviewWorkload(persistent, receiver, report, name, outageReviews, lead + TimeSpan.FromSeconds(30));
        await workload.RunAsync(
            async w =>
            {
                var at = (int)(w.PlannedSteps * (0.15 + (random.NextDouble() * 0.4)));
                await Eventually.WaitAsync(() => w.Steps >= at, TimeSpan.FromMinutes(5));
                var step = w.Steps;
                Console.WriteLine($"  Azurite stopped at step {step} of {w.PlannedSteps}");
                await persistent.StopStorageAsync();
                await Task.Delay(TimeSpan.FromSeconds(10));
                await persistent.StartStorageAsync();
                Console.WriteLine($"  Azurite started again on the same ports, step {w.Steps}");
                report.Check(name, "the outage landed mid-run", step < w.PlannedSteps, $"at step {step} of {w.PlannedSteps}");
            },
            TimeSpan.FromMinutes(quick ? 1.5 : 2));
    }
    finally
    {
        folder.Delete(recursive: true);
    }
});

report.PrintSummary(clock.Elapsed);
return report.Failed ? 1 : 0;

async Task Scenario(string name, bool run, Func<string, Task> body)
{
    if (!run)
    {
        return;
    }

    Console.WriteLine($"scenario {name}");
    try
    {
        await body(name);
        report.Ran(name, "ran");
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        Console.WriteLine($"  scenario failed: {e}");
        report.Ran(name, $"error: {e.GetType().Name}: {e.Message}");
    }
}

// Scenario 3 run alone: three reviews of a short workload without a fault.
static async Task<IReadOnlyList<string>> SettledReviewsAsync(FaultEnvironment environment, Receiver receiver, Report report)
{
    using var workload = new ReviewWorkload(environment, receiver, report, "3 duplicate, out-of-order and poison messages", 3, TimeSpan.FromSeconds(15));
    await workload.RunAsync(_ => Task.CompletedTask, TimeSpan.FromMinutes(2));
    return workload.Ids;
}
