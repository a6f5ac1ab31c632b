using System.Diagnostics.CodeAnalysis;
using AccessReviewFunctions.Functions.Tests.Infrastructure;

namespace AccessReviewFunctions.Bench;

/// <summary>Runs each selected scenario --runs times, each run on a fresh Azurite and within its time bound; a run that
/// ends at the bound or fails marks its missing figures (shown as such in the table) and skips the scenario's later runs.</summary>
internal sealed class Runner(BenchOptions options, CancellationToken interrupted)
{
    private readonly Dictionary<Figure, Series> results = [];

    public IEnumerable<Series> Results => results.Values;

    public Ceiling? Ceiling { get; private set; }

    /// <summary>False when Azurite could not start (the reason is already printed).</summary>
    public async Task<bool> RunAsync(IReadOnlyList<IScenario> scenarios)
    {
        using var ops = new StorageCalls();
        foreach (var scenario in scenarios)
        {
            foreach (var figure in scenario.Figures)
            {
                results[figure] = new Series(figure);
            }

            var size = options.SizeOf(scenario);
            var bound = options.Bound ?? scenario.Bound(size);
            var runs = scenario.RunsItself ? 1 : options.Runs;
            for (var r = 1; r <= runs && !interrupted.IsCancellationRequested; r++)
            {
                Progress.Say($"{scenario.Title}, size {size:N0}: run {r} of {runs} (bound {bound.TotalSeconds:N0} s)");
                await using var azurite = await BenchAzurite.TryStartAsync();
                if (azurite is null)
                {
                    // not installed: nothing can run; too slow to start on a saturated machine: this run is missed
                    if (!BenchAzurite.Installed)
                    {
                        return false;
                    }

                    foreach (var figure in scenario.Figures)
                    {
                        results[figure].Miss($"run {r}: Azurite did not start");
                    }

                    break;
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(interrupted);
                timeout.CancelAfter(bound);
                ops.Reset();
                var recorded = new HashSet<Figure>();
                var run = new Run(azurite.ConnectionString, size, Ceiling, ops, (figure, value) =>
                {
                    recorded.Add(figure);
                    results[figure].Add(value);
                }, timeout.Token);
                var missed = await TryRunAsync(scenario, run, r, bound, timeout.Token);
                if (missed is not null)
                {
                    Progress.Done();
                    Progress.Say($"  {missed}");
                    foreach (var figure in scenario.Figures.Where(f => !recorded.Contains(f)))
                    {
                        results[figure].Miss(missed);
                    }

                    break;
                }
            }

            if (scenario is RawStorage && results.TryGetValue(RawStorage.Transactions, out var tx) && tx.Values.Count > 0 && results[RawStorage.Inserts].Values.Count > 0)
            {
                Ceiling = new Ceiling(tx.Median, results[RawStorage.Inserts].Median, results[RawStorage.Decision].Values.Count > 0 ? results[RawStorage.Decision].Median : null);
            }
        }

        return true;
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "isolation boundary: a scenario's failure is reported in the table and the next scenario runs")]
    private async Task<string?> TryRunAsync(IScenario scenario, Run run, int r, TimeSpan bound, CancellationToken token)
    {
        try
        {
            await scenario.RunAsync(run);
            return null;
        }
        catch (Exception e) when (interrupted.IsCancellationRequested)
        {
            return $"run {r} interrupted ({e.GetType().Name})";
        }
        catch (Exception) when (token.IsCancellationRequested)
        {
            return $"run {r} exceeded its {bound.TotalSeconds:N0} s bound";
        }
        catch (Exception e)
        {
            var message = e.Message.Split('\n')[0];
            return $"run {r} failed: {e.GetType().Name}: {message[..Math.Min(message.Length, 160)]}";
        }
    }
}
