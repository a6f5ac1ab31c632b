using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Domain.Reports;
using AccessReviewFunctions.Functions.Runtime.Durable;

namespace AccessReviewFunctions.Functions.Reports;

/// <summary>
/// Deletes finished reports whose retention ran out: their files first, then their partition, so a crash in between
/// leaves a report that the next run deletes again. A timer trigger named "reports", singleton across instances.
/// </summary>
internal sealed partial class ReportRetentionJob(ReportService reports, IReportFiles files, IPartitionStores stores, IPartitionSchema<Report> schema, TimeProvider clock, ILogger<ReportRetentionJob> logger)
    : ITimerJob
{
    public string Name => "reports";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = (await reports.AllAsync(cancellationToken)).Where(r => r.IsExpired(now)).ToList();
        var store = stores.Table(schema.Table);
        foreach (var report in expired)
        {
            await files.DeleteAllAsync(report.Id, cancellationToken);
            // The header last (under either of its keys): a crash before it leaves the report listed, and the next run deletes the rest.
            foreach (var prefix in new[] { DurableRows.ProcessedPrefix, DurableRows.OutboxPrefix, DurableRows.AnyHeader })
            {
                await store.DeleteAsync(report.Id, (await store.ReadPrefixAsync(report.Id, prefix, cancellationToken)).Select(r => r.RowKey).ToList(), cancellationToken);
            }
        }

        if (expired.Count > 0)
        {
            LogDeleted(expired.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired reports")]
    private partial void LogDeleted(int count);
}
