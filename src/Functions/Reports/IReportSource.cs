using AccessReviewFunctions.Domain.Reports;

namespace AccessReviewFunctions.Functions.Reports;

/// <summary>The rows of a page and the cursor after its last row; Next is null when no rows remain.</summary>
internal sealed record ReportPage(IReadOnlyList<string[]> Rows, string? Next);

/// <summary>Where the rows of one kind of report come from, read in a stable order from a cursor.</summary>
internal interface IReportSource
{
    bool Serves(ReportType type);

    IReadOnlyList<string> Header(Report report);

    /// <summary>At most <paramref name="limit"/> rows after the cursor (from the start when null).</summary>
    Task<ReportPage> ReadAsync(Report report, string? cursor, int limit, CancellationToken cancellationToken);

    /// <summary>Runs once all rows are written, before the report completes: e.g. a manifest of the file. Returns its hash, if any.</summary>
    Task<string?> FinishAsync(Report report, CancellationToken cancellationToken);
}
