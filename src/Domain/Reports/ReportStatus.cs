namespace AccessReviewFunctions.Domain.Reports;

/// <summary>The life of a report: CREATED → IN_PROGRESS → COMPLETED | COMPLETED_BUT_EMPTY | ERROR.</summary>
public enum ReportStatus
{
    CREATED,
    IN_PROGRESS,
    COMPLETED,
    COMPLETED_BUT_EMPTY,
    ERROR,
}

public static class ReportStatuses
{
    public static bool IsFinished(this ReportStatus status) => status is ReportStatus.COMPLETED or ReportStatus.COMPLETED_BUT_EMPTY or ReportStatus.ERROR;

    /// <summary>Whether its file can be downloaded: an empty report is a header without rows.</summary>
    public static bool HasFile(this ReportStatus status) => status is ReportStatus.COMPLETED or ReportStatus.COMPLETED_BUT_EMPTY;
}
