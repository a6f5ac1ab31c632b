using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reports;
using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Functions.Runtime.Durable;
using CsvHelper;
using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Reports;

/// <summary>
/// The generation activity. Rows stream from the report's source through CsvHelper into one blob per part; a part
/// is recorded on the report (rows, cursor after its last row) only once its blob is whole, so a crash at any point
/// loses at most the part being written, and the redelivered message resumes after the last recorded part. Another
/// attempt that recorded the same part first wins: this one stops. Once retries are exhausted the report is ERROR.
/// </summary>
internal sealed class ReportGenerator(
    DurableUpdater<Report> durable, IEnumerable<IReportSource> sources, IReportFiles files, IOptions<ReportOptions> options, TimeProvider clock)
    : IMessageHandler<GenerateReport>, IPoisonHandler<GenerateReport>
{
    /// <summary>RFC 4180, UTF-8 without a byte order mark, and text that a spreadsheet would run as a formula prefixed with '.</summary>
    public static readonly CsvWriterOptions Csv = new() { Injection = CsvInjection.Escape };

    private ReportOptions Settings => options.Value;

    public async Task HandleAsync(GenerateReport message, MessageContext context, CancellationToken cancellationToken)
    {
        var report = (await durable.UpdateAsync(message.ReportId, (d, _) => Step(d.State.Status == ReportStatus.CREATED ? d.State.Start(clock.GetUtcNow()) : null), null, cancellationToken))?.State;
        if (report is null || report.Status != ReportStatus.IN_PROGRESS)
        {
            return;
        }

        var source = sources.First(s => s.Serves(report.Subject.Type));
        try
        {
            while (!report.AllRowsWritten)
            {
                if (await WritePartAsync(report, source, cancellationToken) is not { } next)
                {
                    return;
                }

                report = next;
            }

            var sha256 = await source.FinishAsync(report, cancellationToken);
            await durable.UpdateAsync(message.ReportId, (d, _) => Step(d.State.Status == ReportStatus.IN_PROGRESS ? d.State.Complete(clock.GetUtcNow(), Settings.Retention, sha256) : null), message.MessageId, cancellationToken);
        }
        catch (DomainException e) when (e.Kind is DomainErrorKind.NotFound or DomainErrorKind.Validation)
        {
            await FailAsync(message, e.Message, cancellationToken);
        }
    }

    public Task OnPoisonAsync(GenerateReport message, string error, CancellationToken cancellationToken) => FailAsync(message, error, cancellationToken);

    /// <summary>Writes the next part and records it; null when another attempt recorded that part first.</summary>
    private async Task<Report?> WritePartAsync(Report report, IReportSource source, CancellationToken cancellationToken)
    {
        var part = report.PartNames.Count;
        var name = $"{report.Id}/part-{part:D5}-{Guid.NewGuid():N}.csv";
        var (rows, cursor, last) = (0L, report.Cursor, false);
        await using (var stream = await files.OpenWriteAsync(name, cancellationToken))
        await using (var csv = CsvWriter.Create(stream, Csv, leaveOpen: true))
        {
            if (part == 0)
            {
                csv.WriteHeader([.. source.Header(report)]);
            }

            while (rows < Settings.PartRows && !last)
            {
                var page = await source.ReadAsync(report, cursor, (int)Math.Min(Settings.PageRows, Settings.PartRows - rows), cancellationToken);
                foreach (var row in page.Rows)
                {
                    await csv.WriteRecordAsync(row, cancellationToken);
                }

                rows += page.Rows.Count;
                (cursor, last) = (page.Next, page.Next is null);
            }
        }

        var recorded = await durable.UpdateAsync(
            report.Id,
            (d, _) => Step(d.State.Status == ReportStatus.IN_PROGRESS && d.State.PartNames.Count == part ? d.State.Checkpoint(part, name, rows, cursor, last) : null),
            null,
            cancellationToken);
        return recorded is { Committed: true } ? recorded.State : null;
    }

    private async Task FailAsync(GenerateReport message, string reason, CancellationToken cancellationToken) =>
        await durable.UpdateAsync(
            message.ReportId, (d, _) => Step(d.State.Status.IsFinished() ? null : d.State.Fail(reason, clock.GetUtcNow(), Settings.Retention)), message.MessageId + ".failed", cancellationToken);

    private static Task<DurableChange<Report>?> Step(Report? next) =>
        Task.FromResult(next is null ? null : new DurableChange<Report>(next, [], []));
}
