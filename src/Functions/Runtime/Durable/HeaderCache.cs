using AccessReviewFunctions.Functions.Common;

namespace AccessReviewFunctions.Functions.Runtime.Durable;

/// <summary>
/// The header row each instance of one kind of state had after this process last committed it, with its ETag. A step
/// (a decision over HTTP, a handler's) decides on it and commits under that ETag without reading the header first (nor,
/// for a handler, whether its message was processed: the commit inserts the processed row, which fails when it exists).
/// When another writer changed the header meanwhile, the ETag fails the commit and the step runs again on fresh reads,
/// so the commit is as safe as one after a read. Bounded: when full, it starts over.
/// </summary>
internal sealed class HeaderCache
{
    public const int MaxEntries = 4096;
    private readonly BoundedCache<Row> headers = new(MaxEntries);

    public Row? TryGet(string id) => headers.TryGet(id);

    /// <summary>The header as committed (its ETag the commit's).</summary>
    public void Put(Row header) => headers.Put(header.PartitionKey, header);

    public void Forget(string id) => headers.Forget(id);
}
