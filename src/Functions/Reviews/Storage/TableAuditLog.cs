using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Functions.Storage;
using Microsoft.WindowsAzure.Storage.Table;

namespace AccessReviewFunctions.Functions.Reviews.Storage;

/// <summary>A stored System Log entry and where it lives (its review's partition and revision row).</summary>
public sealed record StoredAuditEvent(string PartitionKey, string RowKey, AuditEvent Event);

/// <summary>Reads the System Log entries <see cref="TableReviewStore"/> writes with each change.</summary>
public interface IAuditLog
{
    /// <summary>Every entry published in [since, until), in no particular order.</summary>
    Task<IReadOnlyList<StoredAuditEvent>> ReadAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}

/// <summary>
/// A cross-partition query on the reviews table: RowKey in the <c>audit:</c> prefix range and Published in the
/// time range. It scans every review partition; the scale-out step is a projection table keyed by day
/// (PartitionKey yyyyMMdd, RowKey published ticks + uuid) written from the outbox, queried one day at a time.
/// </summary>
internal sealed class TableAuditLog(ReviewTables tables) : IAuditLog
{
    public async Task<IReadOnlyList<StoredAuditEvent>> ReadAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        // The column is a coarse server-side bound (storage emulators compare DateTime at millisecond precision
        // or less); the exact [since, until) cut is made on the event's own published time.
        var slack = TimeSpan.FromSeconds(1);
        var filter = TableQuery.CombineFilters(
            TableQueries.RowPrefix(ReviewRows.AuditPrefix),
            TableOperators.And,
            TableQuery.CombineFilters(
                TableQuery.GenerateFilterConditionForDate(AuditColumns.Published, QueryComparisons.GreaterThanOrEqual, since - slack),
                TableOperators.And,
                TableQuery.GenerateFilterConditionForDate(AuditColumns.Published, QueryComparisons.LessThan, until + slack)));
        var table = await tables.ReviewsAsync(cancellationToken);
        var rows = await table.QueryAllAsync(filter, cancellationToken, [AuditColumns.Json]);
        return rows.Select(r => new StoredAuditEvent(r.PartitionKey, r.RowKey, ReviewJson.Read<AuditEvent>(r.Properties[AuditColumns.Json].StringValue)))
            .Where(r => r.Event.Published >= since && r.Event.Published < until)
            .ToList();
    }
}
