using System.Collections.Concurrent;
using System.Diagnostics;

namespace AccessReviewFunctions.Bench;

/// <summary>Latencies of successful requests and the outcomes of failed ones; percentiles by nearest rank.</summary>
internal sealed class Latencies
{
    private readonly ConcurrentBag<double> milliseconds = [];
    private readonly ConcurrentDictionary<string, int> failures = new(StringComparer.Ordinal);

    public int Count => milliseconds.Count;

    public int Failed => failures.Values.Sum();

    public string Failures => failures.IsEmpty ? "none" : string.Join(", ", failures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} × {f.Value}"));

    public void Success(TimeSpan latency) => milliseconds.Add(latency.TotalMilliseconds);

    public void Failure(string outcome) => failures.AddOrUpdate(outcome, 1, (_, n) => n + 1);

    /// <summary>Times <paramref name="request"/>: a success when it answers 2xx.</summary>
    public async Task<bool> TimeAsync(Func<Task<HttpResponseMessage>> request)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await request();
            await response.Content.ReadAsByteArrayAsync();
            if (response.IsSuccessStatusCode)
            {
                Success(Stopwatch.GetElapsedTime(start));
                return true;
            }

            Failure(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (HttpRequestException e)
        {
            Failure(e.GetType().Name);
        }

        return false;
    }

    public double At(double quantile)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
    }
}
