namespace AccessReviewFunctions.Functions.Runtime.Durable;

/// <summary>
/// Headers stored before headers were keyed by their instance (<see cref="DurableRows.LegacyHeader"/>): the first read
/// that misses the header's key moves such a header there, in one transaction that inserts it under the new key and
/// deletes the old row under its ETag, so an instance never has two headers and a concurrent move or commit makes the
/// move fail and read again.
/// </summary>
internal static class LegacyHeaders
{
    /// <returns>The header under its new key, or null when the instance has no header under either key.</returns>
    public static async Task<Row?> MoveAsync(IPartitionStore store, string id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, DurableRows.LegacyHeader, cancellationToken) is not { } legacy)
        {
            return null;
        }

        var moved = new Row(id, DurableRows.Header(id), legacy.Columns);
        try
        {
            var etags = await store.WriteAtomicallyAsync([new RowChange(moved, RowWrite.Insert), new RowChange(legacy, RowWrite.Delete)], cancellationToken);
            return moved with { ETag = etags[0] };
        }
        catch (WriteConflictException)
        {
            // Another reader moved it first (and a commit may have followed): read it where it is now.
            return await store.GetAsync(id, DurableRows.Header(id), cancellationToken);
        }
    }
}
