namespace AccessReviewFunctions.Functions.Runtime.Durable;

/// <summary>
/// Headers stored before headers were keyed by their instance (<see cref="DurableRows.LegacyHeader"/>): the first read
/// that misses the header's key moves such a header there, in one transaction that inserts it under the new key and
/// deletes the old row under its ETag, so an instance never has two headers. A move that fails (another reader moved it
/// first, or a host of the earlier version changed the old row meanwhile) looks again: under the new key, then under the
/// old one, at most <see cref="MaxAttempts"/> times.
/// </summary>
internal static class LegacyHeaders
{
    private const int MaxAttempts = 5;

    /// <returns>The header under its new key, or null when the instance has no header under either key.</returns>
    /// <exception cref="ConcurrencyException">The old row kept changing under every attempt.</exception>
    public static async Task<Row?> MoveAsync(IPartitionStore store, string id, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await store.GetAsync(id, DurableRows.LegacyHeader, cancellationToken) is not { } legacy)
            {
                // The caller missed the new key just before the first look; after a failed move it may be there now.
                return attempt == 1 ? null : await store.GetAsync(id, DurableRows.Header(id), cancellationToken);
            }

            var moved = new Row(id, DurableRows.Header(id), legacy.Columns);
            try
            {
                var etags = await store.WriteAtomicallyAsync([new RowChange(moved, RowWrite.Insert), new RowChange(legacy, RowWrite.Delete)], cancellationToken);
                return moved with { ETag = etags[0] };
            }
            catch (WriteConflictException)
            {
                if (await store.GetAsync(id, DurableRows.Header(id), cancellationToken) is { } header)
                {
                    return header;
                }
            }
        }

        throw new ConcurrencyException($"the header of {id}");
    }
}
