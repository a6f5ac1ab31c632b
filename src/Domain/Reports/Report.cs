using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Domain.Reports;

/// <summary>
/// A report generated in the background, as a file in parts: each part is written whole, then recorded here with the
/// position after its last row (Cursor), so a generation that stops resumes at the next part. Owner is the tenant
/// the report belongs to (an OPA team, or the review of an evidence export). Transitions take the time as an argument
/// and reject what is not allowed.
/// </summary>
public sealed record Report(
    string Id,
    string Owner,
    ReportSubject Subject,
    ReportStatus Status,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    DateTimeOffset? ExpiresAt = null,
    long RowsWritten = 0,
    long? TotalRows = null,
    IReadOnlyList<string>? Parts = null,
    string? Cursor = null,
    string? Error = null,
    string? Sha256 = null)
{
    public IReadOnlyList<string> PartNames => Parts ?? [];

    public static Report Create(string id, string owner, ReportSubject subject, string createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new Report(id, owner, subject, ReportStatus.CREATED, createdBy, now);
    }

    /// <summary>The generation begins (CREATED → IN_PROGRESS); a resumed one is already IN_PROGRESS and stays so.</summary>
    public Report Start(DateTimeOffset now) => Status switch
    {
        ReportStatus.CREATED => this with { Status = ReportStatus.IN_PROGRESS, StartedAt = now },
        ReportStatus.IN_PROGRESS => this,
        _ => throw Illegal("start"),
    };

    /// <summary>Every row is in a recorded part: the total is known and only completion remains.</summary>
    public bool AllRowsWritten => TotalRows is not null;

    /// <summary>
    /// Part number <paramref name="part"/> is written, named <paramref name="name"/>, holding <paramref name="rows"/> rows
    /// and ending at <paramref name="cursor"/>; <paramref name="last"/> when no rows remain, which makes the total known.
    /// Only the next part is accepted: a part another attempt recorded first is refused.
    /// </summary>
    public Report Checkpoint(int part, string name, long rows, string? cursor, bool last)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (Status != ReportStatus.IN_PROGRESS || AllRowsWritten || part != PartNames.Count)
        {
            throw Illegal($"record part {part}");
        }

        return this with { Parts = [.. PartNames, name], RowsWritten = RowsWritten + rows, Cursor = cursor, TotalRows = last ? RowsWritten + rows : null };
    }

    /// <summary>Every part is written: COMPLETED, or COMPLETED_BUT_EMPTY without rows; kept for the retention.</summary>
    public Report Complete(DateTimeOffset now, TimeSpan retention, string? sha256 = null)
    {
        if (Status != ReportStatus.IN_PROGRESS || !AllRowsWritten)
        {
            throw Illegal("complete");
        }

        return this with
        {
            Status = RowsWritten == 0 ? ReportStatus.COMPLETED_BUT_EMPTY : ReportStatus.COMPLETED,
            TotalRows = RowsWritten,
            FinishedAt = now,
            ExpiresAt = now + retention,
            Sha256 = sha256,
        };
    }

    /// <summary>The generation cannot finish: ERROR with the reason, kept for the retention like a completed report.</summary>
    public Report Fail(string reason, DateTimeOffset now, TimeSpan retention)
    {
        if (Status.IsFinished())
        {
            throw Illegal("fail");
        }

        return this with { Status = ReportStatus.ERROR, Error = reason, FinishedAt = now, ExpiresAt = now + retention };
    }

    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;

    private DomainException Illegal(string what) => DomainException.InvalidTransition($"Report {Id} is {Status}: cannot {what}");
}
