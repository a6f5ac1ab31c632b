namespace AccessReviewFunctions.Functions.Reports;

/// <summary>Settings under "Reports".</summary>
internal sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>How long a finished report (and its file) is kept before the retention job deletes it.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Rows per part: each part is one blob, and the generation resumes at a part boundary.</summary>
    public int PartRows { get; set; } = 50_000;

    /// <summary>Rows read from the source at a time.</summary>
    public int PageRows { get; set; } = 1_000;

    public bool IsValid() => Retention > TimeSpan.Zero && PartRows > 0 && PageRows > 0;
}
