using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Ids;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Domain.Reports;
using AccessReviewFunctions.Functions.Common;
using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Functions.Runtime.Durable;

namespace AccessReviewFunctions.Functions.Reports;

/// <summary>
/// Reports behind every dialect: create one (stored with its generation message, then sent), read one of an owner
/// (another owner's is not found), list an owner's newest first, and stream a finished one's file.
/// </summary>
internal sealed class ReportService(DurableUpdater<Report> durable, IPartitionStores stores, IPartitionSchema<Report> schema, IdGenerator ids, IReportFiles files, TimeProvider clock)
{
    public const string IdPrefix = "rpt";

    public async Task<Report> CreateAsync(string owner, ReportSubject subject, string createdBy, CancellationToken cancellationToken)
    {
        var report = Report.Create(ids.New(IdPrefix), owner, subject, createdBy, clock.GetUtcNow());
        await durable.CreateAsync(new DurableChange<Report>(report, [], [new OutgoingMessage(ReportQueues.Work, new GenerateReport(report.Id))]), cancellationToken);
        return report;
    }

    public async Task<Report> GetAsync(string owner, string id, CancellationToken cancellationToken)
    {
        var loaded = PrefixedIds.LooksValid(id, IdPrefix) ? await durable.LoadAsync(id, cancellationToken) : null;
        return loaded?.State is { } report && report.Owner == owner ? report : throw DomainException.NotFound($"{id} (Report)");
    }

    /// <summary>The owner's reports, newest first, after the report with id <paramref name="after"/>.</summary>
    public async Task<Page<Report>> ListAsync(string owner, int limit, string? after, CancellationToken cancellationToken)
    {
        var all = (await AllAsync(cancellationToken))
            .Where(r => r.Owner == owner && (after is null || string.CompareOrdinal(r.Id, after) < 0))
            .OrderByDescending(r => r.Id, StringComparer.Ordinal)
            .Take(limit + 1)
            .ToList();
        var page = all.Take(limit).ToList();
        return new Page<Report>(page, all.Count > limit ? page[^1].Id : null);
    }

    /// <summary>Writes the finished report's file; a report without one yet (or that failed) is a conflict.</summary>
    public Task CopyFileAsync(Report report, Stream destination, CancellationToken cancellationToken) =>
        files.CopyToAsync(RequireFile(report).PartNames, destination, cancellationToken);

    public static Report RequireFile(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Status.HasFile()
            ? report
            : throw new DomainException(DomainErrorKind.Conflict, $"Report {report.Id} is {report.Status}: its file can be downloaded once it is COMPLETED or COMPLETED_BUT_EMPTY");
    }

    /// <summary>Every stored report: one read of the header rows, which stay few as finished reports expire.</summary>
    public async Task<IReadOnlyList<Report>> AllAsync(CancellationToken cancellationToken) =>
        (await stores.Table(schema.Table).ReadPrefixAsync(null, DurableRows.AnyHeader, cancellationToken)).Select(schema.Read).ToList();
}
