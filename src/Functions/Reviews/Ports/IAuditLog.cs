using AccessReviewFunctions.Domain.Audit;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>A stored System Log entry and where it lives (its review's partition and revision row).</summary>
internal sealed record StoredAuditEvent(string PartitionKey, string RowKey, AuditEvent Event);

/// <summary>Reads the System Log entries each review change writes with it.</summary>
internal interface IAuditLog
{
    /// <summary>Every entry published in [since, until), in no particular order.</summary>
    Task<IReadOnlyList<StoredAuditEvent>> ReadAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}
