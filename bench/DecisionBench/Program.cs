using System.Diagnostics;
using AccessReviewFunctions.Bench.Shared;

namespace AccessReviewFunctions.DecisionBench;

// Decisions per second through the HTTP API: N reviewers, each on its own review, revoke and restore access items
// back to back (closed loop) or one every --interval seconds (--paced, open loop). Only HTTP: the same program builds
// against older and newer versions of src/Functions and gives comparable figures.
internal static class DecisionBenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        BenchSettings settings;
        try
        {
            settings = BenchSettings.Parse(args);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message}\n{BenchSettings.Usage}");
            return 2;
        }

        Console.WriteLine($"before: {await MachineLoad.DescribeAsync()}");
        if (!await RunAsync(settings))
        {
            return 1;
        }

        Console.WriteLine($"after: {await MachineLoad.DescribeAsync()}");
        return 0;
    }

    private static async Task<bool> RunAsync(BenchSettings settings)
    {
        await using var azurite = await BenchAzurite.TryStartAsync();
        if (azurite is null)
        {
            return false;
        }

        using var host = new BenchHost(azurite.ConnectionString);
        var clock = Stopwatch.StartNew();
        var reviewIds = await new Scenario(settings.Reviewers, settings.Apps).PrepareAsync(await host.ClientAsync(Scenario.Admin, "SUPER_ADMIN"));
        var loops = await Task.WhenAll(reviewIds.Select(async (id, i) => await ReviewerLoop.OpenAsync(await host.ClientAsync(Scenario.Reviewer(i)), id)));
        Console.WriteLine($"{settings.Reviewers} reviews ACTIVE, {loops.Sum(l => l.ItemCount)} access items " +
            $"({loops.Sum(l => l.WithSubItems)} with sub-access items), in {clock.Elapsed.TotalSeconds:F1} s");

        var mode = settings.Paced ? $"paced, one decision every {settings.Interval.TotalSeconds:0.##} s each" : "closed loop, back to back";
        Console.WriteLine($"{mode}: warm-up {settings.Warmup.TotalSeconds:0.#} s, then {settings.Duration.TotalSeconds:0.#} s measured ...");
        var recorder = new Recorder();
        var stopped = false;
        bool Stop() => Volatile.Read(ref stopped);
        var random = new Random(1);
        var offsets = loops.Select(_ => settings.Interval * random.NextDouble()).ToArray();
        var running = loops.Select((loop, i) => Task.Run(() => settings.Paced
            ? loop.RunPacedAsync(recorder, settings.Interval, offsets[i], Stop)
            : loop.RunClosedAsync(recorder, Stop))).ToArray();
        await Task.Delay(settings.Warmup);
        recorder.Start();
        await Task.Delay(settings.Duration);
        recorder.Stop();
        Volatile.Write(ref stopped, true);
        await Task.WhenAll(running);
        Console.WriteLine($"{settings.Reviewers} reviewers, {mode}: {recorder.Summary()}");
        return true;
    }
}
