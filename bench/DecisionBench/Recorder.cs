using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace AccessReviewFunctions.DecisionBench;

/// <summary>Latency and outcome of the decisions that finish inside the measured window.</summary>
internal sealed class Recorder
{
    private readonly ConcurrentBag<double> latencies = [];
    private readonly ConcurrentDictionary<string, int> failures = new();
    private long windowStart;
    private long windowEnd;
    private volatile bool measuring;

    public void Start()
    {
        windowStart = Stopwatch.GetTimestamp();
        measuring = true;
    }

    public void Stop()
    {
        measuring = false;
        windowEnd = Stopwatch.GetTimestamp();
    }

    public void Success(TimeSpan latency)
    {
        if (measuring)
        {
            latencies.Add(latency.TotalMilliseconds);
        }
    }

    public void Failure(string outcome)
    {
        if (measuring)
        {
            failures.AddOrUpdate(outcome, 1, (_, n) => n + 1);
        }
    }

    public string Summary()
    {
        var seconds = Stopwatch.GetElapsedTime(windowStart, windowEnd).TotalSeconds;
        var sorted = latencies.Order().ToArray();
        string At(double q) => sorted.Length == 0 ? "n/a" : $"{sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)]:F1} ms";
        var failed = failures.IsEmpty ? "none" : string.Join(", ", failures.OrderBy(f => f.Key).Select(f => $"{f.Key} × {f.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{sorted.Length / seconds:F1} decisions/s ({sorted.Length} in {seconds:F1} s); p50 {At(0.5)}, p95 {At(0.95)}, p99 {At(0.99)}, max {At(1)}; non-2xx: {failed}");
    }
}
