using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AccessReviewFunctions.Functions.Storage;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>
/// Counts the storage requests hosts in this process send, by "service operation" ("table query", "table get", ...),
/// from the <see cref="StorageMetrics"/> counter: of one host's meter factory (other tests' hosts run beside it), or,
/// without one, of every host (the bench's).
/// </summary>
internal sealed class StorageCalls : IDisposable
{
    private readonly ConcurrentDictionary<string, long> counted = new(StringComparer.Ordinal);
    private readonly MeterListener listener;

    public StorageCalls(IMeterFactory? factory = null)
    {
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == StorageMetrics.MeterName && instrument.Name == StorageMetrics.OperationsName
                    && (factory is null || instrument.Meter.Scope == factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? service = null, operation = null;
            foreach (var tag in tags)
            {
                (service, operation) = tag.Key switch
                {
                    "service" => ((string?)tag.Value, operation),
                    "operation" => (service, (string?)tag.Value),
                    _ => (service, operation),
                };
            }

            counted.AddOrUpdate($"{service} {operation}", value, (_, n) => n + value);
        });
        listener.Start();
    }

    /// <summary>Every count so far, by "service operation".</summary>
    public IReadOnlyDictionary<string, long> Counts => counted.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    public long Total => counted.Values.Sum();

    /// <summary>The count of one "service operation".</summary>
    public long Of(string serviceOperation) => counted.GetValueOrDefault(serviceOperation);

    /// <summary>The requests of one service ("table", "queue", "blob").</summary>
    public long OfService(string service) => counted.Where(c => c.Key.StartsWith(service + " ", StringComparison.Ordinal)).Sum(c => c.Value);

    public void Reset() => counted.Clear();

    /// <summary>"table transaction 1,234, queue send 56, ..." by count, largest first.</summary>
    public string Describe() => string.Join(", ", counted.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value:N0}"));

    public void Dispose() => listener.Dispose();
}
