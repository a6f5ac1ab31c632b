using System.Text;
using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Domain.Reviews.Remediation;

/// <summary>What a webhook receiver (or an admin) reports on a change, in Veza's webhook status words, plus FIXED.</summary>
public enum ReportedStatus
{
    PENDING,
    SUCCEED,
    FAILED,
    FIXED,
}

/// <summary>A status report: the status and at most 255 bytes (UTF-8) of information, as Veza's webhook_info.</summary>
public sealed record RemediationReport(ReportedStatus Status, string? Info)
{
    public const int MaxInfoBytes = 255;

    public static RemediationReport From(string? status, string? info)
    {
        var problems = new List<Violation>();
        var parsed = EnumText.TryParse<ReportedStatus>(status, out var value) ? value : (ReportedStatus?)null;
        if (parsed is null)
        {
            problems.Add(new Violation(Fields.RemediationStatus, status is null ? ViolationCode.Required : ViolationCode.Unknown,
                $"status must be one of {EnumText.Choices<ReportedStatus>()}"));
        }

        if (info is not null && Encoding.UTF8.GetByteCount(info) > MaxInfoBytes)
        {
            problems.Add(new Violation(Fields.RemediationInfo, ViolationCode.TooLong, $"info holds at most {MaxInfoBytes} bytes"));
        }

        return problems.Count > 0 ? throw DomainException.Validation(problems) : new RemediationReport(parsed!.Value, info);
    }

    /// <summary>The outcome it reports; null for PENDING (nothing changes) and FIXED (an admin's, not a receiver's).</summary>
    public RemediationOutcome? Outcome => Status switch
    {
        ReportedStatus.SUCCEED => RemediationOutcome.Succeeded(string.IsNullOrEmpty(Info) ? "reported succeeded" : Info),
        ReportedStatus.FAILED => RemediationOutcome.Permanent(string.IsNullOrEmpty(Info) ? "reported failed" : Info),
        _ => null,
    };
}
