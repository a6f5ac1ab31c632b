using System.Globalization;

namespace AccessReviewFunctions.Bench;

// make bench: one program for the benchmarks of issue 13. It starts its own in-memory Azurite per run (and the host
// in-process, or as child processes for scale-out), needs nothing running beforehand, shows progress, and prints one
// table at the end. Options: BenchOptions.Usage; scenarios and their sizes: --list.
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message}\n{BenchOptions.Usage}");
            return 2;
        }

        IScenario[] all = [new RawStorage(), new Creation(), new Decisions(), new LargeReview(), new ExpiryStorm(), new Remediation(), new RiskEvents(), new Report(), new ScaleOut(), new Micro(), new SystemLogReads()];
        if (options.List || options.Only?.Except(all.Select(s => s.Key), StringComparer.OrdinalIgnoreCase).Any() == true)
        {
            Console.WriteLine(BenchOptions.Usage);
            foreach (var s in all)
            {
                Console.WriteLine($"  {s.Key,-12} {s.Title}: size {s.Size(false):N0} (--quick {s.Size(true):N0}), bound {s.Bound(s.Size(false)).TotalSeconds:N0} s per run");
            }

            return options.List ? 0 : 2;
        }

        // The first Ctrl-C stops the runs and unwinds (every host, child process and Azurite is stopped), then prints the table.
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = !interrupted.IsCancellationRequested;
            interrupted.Cancel();
        };
        var selected = all.Where(s => s is RawStorage ? !(options.Only?.SetEquals(["micro"]) ?? false) : options.Selects(s)).ToList();
        var loadBefore = await MachineLoad.DescribeAsync();
        Console.WriteLine($"bench: {string.Join(", ", selected.Select(s => s.Key))}; {options.Runs} run(s) each{(options.Quick ? ", quick sizes" : "")}; load before: {loadBefore}");
        var runner = new Runner(options, interrupted.Token);
        if (!await runner.RunAsync(selected))
        {
            return 1;
        }

        await ResultTable.PrintAsync(runner.Results, runner.Ceiling, options.Runs, loadBefore);
        return interrupted.IsCancellationRequested ? 130 : 0;
    }
}
