using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AccessReviewFunctions.Functions.Storage;

namespace AccessReviewFunctions.Bench;

/// <summary>Reads the hosts' <see cref="StorageMetrics"/> counter in this process: storage requests by service and operation.</summary>
internal sealed class StorageOps : IDisposable
{
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly MeterListener listener = new();

    public StorageOps()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == StorageMetrics.MeterName && instrument.Name == StorageMetrics.OperationsName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? service = null, operation = null;
            foreach (var tag in tags)
            {
                (service, operation) = tag.Key == "service" ? ((string?)tag.Value, operation) : tag.Key == "operation" ? (service, (string?)tag.Value) : (service, operation);
            }

            counts.AddOrUpdate($"{service} {operation}", value, (_, n) => n + value);
        });
        listener.Start();
    }

    public long Total => counts.Values.Sum();

    /// <summary>The requests of one service ("table", "queue", "blob").</summary>
    public long Of(string service) => counts.Where(c => c.Key.StartsWith(service + " ", StringComparison.Ordinal)).Sum(c => c.Value);

    public void Reset() => counts.Clear();

    /// <summary>"table transaction 1,234, queue send 56, ..." by count, largest first.</summary>
    public string Describe() => string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value:N0}"));

    public void Dispose() => listener.Dispose();
}
