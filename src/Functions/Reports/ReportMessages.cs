using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reports;

internal static class ReportQueues
{
    /// <summary>Report generation: long activities, one message per report.</summary>
    public const string Work = "report-work";
}

/// <summary>
/// Activity: generate the report, part by part, resuming after the last part recorded. Only the completion records
/// the message as processed, so a redelivery after a crash carries on where the generation stopped.
/// </summary>
internal sealed record GenerateReport(string ReportId) : IWorkflowMessage
{
    public string MessageId => $"{ReportId}.generate";
}
