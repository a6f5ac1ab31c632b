using AccessReviewFunctions.Domain.Audit;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>A stored System Log entry and where it lives (its time bucket and key).</summary>
internal sealed record StoredAuditEvent(string PartitionKey, string RowKey, AuditEvent Event);

/// <summary>
/// An event to append and what orders it among events of the same instant: a review's entries carry their review
/// and revision (so a review's events read in the order they happened), others their uuid.
/// </summary>
internal sealed record LogEntry(AuditEvent Event, string Source)
{
    public static LogEntry Of(AuditEvent e) => new(e, e.Uuid);
}

/// <summary>What <c>verify</c> found: the buckets and entries it recomputed, and the first break if any.</summary>
internal sealed record LogVerification(int Buckets, long Entries, IReadOnlyList<BucketHead> Heads, ChainBreak? FirstBreak);

/// <summary>A bucket's head as verify read it: a consumer may record these hashes elsewhere as anchors.</summary>
internal sealed record BucketHead(string Bucket, long Count, string LastHash);

/// <summary>
/// The System Log: entries in time buckets, each bucket a hash chain (<see cref="LogChain"/>). Appending is
/// idempotent by (published, source), so an at-least-once feed stores every event once.
/// </summary>
internal interface IAuditLog
{
    Task AppendAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken);

    /// <summary>
    /// Entries published in [since, until) in key order (time, then uuid), or the reverse, strictly after the key
    /// <paramref name="afterKey"/> in that order; read lazily bucket by bucket, so a caller that stops early reads little.
    /// </summary>
    IAsyncEnumerable<StoredAuditEvent> ReadAsync(DateTimeOffset since, DateTimeOffset until, string? afterKey, bool descending, CancellationToken cancellationToken);

    /// <summary>Recomputes the chains of every bucket that [since, until) touches.</summary>
    Task<LogVerification> VerifyAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}
