using System.Collections.Concurrent;

namespace AccessReviewFunctions.Functions.Runtime.Durable;

/// <summary>
/// The header row each instance of one kind of state had after this process last committed it, with its ETag. A step
/// made outside a queue message (a decision over HTTP, say) decides on it and commits under that ETag without reading
/// the header first: when another writer changed it meanwhile, the ETag fails the commit and the step runs again on a
/// fresh read, so the commit is as safe as one after a read. Bounded: when full, it starts over.
/// </summary>
internal sealed class HeaderCache
{
    public const int MaxEntries = 4096;
    private readonly ConcurrentDictionary<string, Row> headers = new(StringComparer.Ordinal);

    public Row? TryGet(string id) => headers.GetValueOrDefault(id);

    /// <summary>The header as committed (its ETag the commit's).</summary>
    public void Put(Row header)
    {
        if (headers.Count >= MaxEntries)
        {
            headers.Clear();
        }

        headers[header.PartitionKey] = header;
    }

    public void Forget(string id) => headers.TryRemove(id, out _);
}
