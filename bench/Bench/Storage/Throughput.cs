using System.Diagnostics;
using Azure;

namespace AccessReviewFunctions.Bench;

/// <summary>What one caller does once: returns how many units (entities, messages, ...) it handled.</summary>
internal delegate Task<int> Operation(int caller, CancellationToken cancellationToken);

internal sealed record Measurement(double UnitsPerSecond, long Units, double Seconds, long Errors, string? FirstError);

/// <summary>Closed-loop callers: each runs its operation back to back; a warm-up, then a measured window.</summary>
internal static class Throughput
{
    public static async Task<Measurement> RunAsync(int callers, TimeSpan warmup, TimeSpan duration, Operation operation)
    {
        long units = 0;
        long errors = 0;
        string? firstError = null;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    Interlocked.Add(ref units, await operation(caller, stop.Token));
                }
                catch (RequestFailedException e)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, $"{e.Status} {e.ErrorCode}", null);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        })).ToArray();

        await Task.Delay(warmup);
        var (startUnits, startErrors, start) = (Interlocked.Read(ref units), Interlocked.Read(ref errors), Stopwatch.GetTimestamp());
        await Task.Delay(duration);
        var (endUnits, endErrors, elapsed) = (Interlocked.Read(ref units), Interlocked.Read(ref errors), Stopwatch.GetElapsedTime(start));
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        var measured = endUnits - startUnits;
        return new Measurement(measured / elapsed.TotalSeconds, measured, elapsed.TotalSeconds, endErrors - startErrors, firstError);
    }

    /// <summary>A fixed amount of work, timed: each caller repeats <paramref name="step"/> until it returns 0 (nothing left).</summary>
    public static async Task<Measurement> UntilDoneAsync(int callers, Func<Task<int>> step)
    {
        long units = 0;
        long errors = 0;
        string? firstError = null;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            for (var done = -1; done != 0;)
            {
                try
                {
                    done = await step();
                    Interlocked.Add(ref units, done);
                }
                catch (RequestFailedException e)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, $"{e.Status} {e.ErrorCode}", null);
                }
            }
        })));
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new Measurement(units / seconds, units, seconds, errors, firstError);
    }

    public static Measurement Add(Measurement total, Measurement round)
    {
        var (units, seconds) = (total.Units + round.Units, total.Seconds + round.Seconds);
        return new Measurement(units / seconds, units, seconds, total.Errors + round.Errors, total.FirstError ?? round.FirstError);
    }
}
