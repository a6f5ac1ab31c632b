using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AccessReviewFunctions.Functions.Storage;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>
/// Counts the storage requests one host's clients send, by "service operation" ("table query", "table get", ...), from
/// the <see cref="StorageMetrics"/> counter of that host's meter factory only (other tests' hosts run beside it).
/// </summary>
internal sealed class StorageCalls : IDisposable
{
    private readonly ConcurrentDictionary<string, long> counted = new(StringComparer.Ordinal);
    private readonly MeterListener listener;

    public StorageCalls(IMeterFactory factory)
    {
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name == StorageMetrics.OperationsName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var tag = tags.ToArray().ToDictionary(t => t.Key, t => (string)t.Value!);
            counted.AddOrUpdate($"{tag["service"]} {tag["operation"]}", value, (_, n) => n + value);
        });
        listener.Start();
    }

    /// <summary>Every count so far, by "service operation".</summary>
    public IReadOnlyDictionary<string, long> Counts => counted.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    public long Of(string serviceOperation) => counted.GetValueOrDefault(serviceOperation);

    public void Reset() => counted.Clear();

    public void Dispose() => listener.Dispose();
}
