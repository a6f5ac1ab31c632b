using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Storage.Tables;

namespace AccessReviewFunctions.Functions.Storage.Reviews;

/// <summary>
/// A cross-partition query on the reviews table: RowKey in the <c>audit:</c> prefix range and Published in the
/// time range. It scans every review partition; the scale-out step is a projection table keyed by day
/// (PartitionKey yyyyMMdd, RowKey published ticks + uuid) written from the outbox, queried one day at a time.
/// </summary>
internal sealed class TableAuditLog(StorageResources resources) : IAuditLog
{
    public async Task<IReadOnlyList<StoredAuditEvent>> ReadAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        // The column is a coarse server-side bound (storage emulators compare DateTime at millisecond precision
        // or less); the exact [since, until) cut is made on the event's own published time.
        var slack = TimeSpan.FromSeconds(1);
        var filter = TableRows.And(
            TableRows.RowPrefix(ReviewRows.AuditPrefix),
            TableRows.Compare(AuditColumns.Published, "ge", TableRows.ClampTime(since, -slack)),
            TableRows.Compare(AuditColumns.Published, "lt", TableRows.ClampTime(until, slack)));
        var table = await resources.TableAsync(ReviewTables.Reviews, cancellationToken);
        var rows = await table.QueryAllAsync(filter, cancellationToken, ["PartitionKey", "RowKey", AuditColumns.Json]);
        return rows.Select(r => new StoredAuditEvent(r.PartitionKey, r.RowKey, ReviewJson.Read<AuditEvent>(r.GetString(AuditColumns.Json))))
            .Where(r => r.Event.Published >= since && r.Event.Published < until)
            .ToList();
    }
}
