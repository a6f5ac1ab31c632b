using System.Diagnostics.Tracing;

namespace AccessReviewFunctions.Bench;

/// <summary>Counts the storage requests the in-process host sends (the Azure SDK's "Azure-Core" Request events), by
/// service: told apart by the endpoint's port.</summary>
internal sealed class StorageCalls : EventListener
{
    private long tables;
    private long queues;
    private long blobs;
    private int tablePort;
    private int queuePort;

    public (long Tables, long Queues, long Blobs) Snapshot => (Interlocked.Read(ref tables), Interlocked.Read(ref queues), Interlocked.Read(ref blobs));

    /// <summary>The table and queue endpoints' ports, from the connection string; requests to other ports count as blob.</summary>
    public void Watch(string connectionString)
    {
        int Port(string name) => new Uri(connectionString.Split(';').First(p => p.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..]).Port;
        (tablePort, queuePort) = (Port("TableEndpoint"), Port("QueueEndpoint"));
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Azure-Core")
        {
            EnableEvents(eventSource, EventLevel.Informational);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName != "Request" || eventData.Payload is not { Count: > 2 } payload || payload[2] is not string uri)
        {
            return;
        }

        var port = new Uri(uri).Port;
        if (port == tablePort)
        {
            Interlocked.Increment(ref tables);
        }
        else if (port == queuePort)
        {
            Interlocked.Increment(ref queues);
        }
        else
        {
            Interlocked.Increment(ref blobs);
        }
    }
}
