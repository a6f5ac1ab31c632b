using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Remediation;

internal static class RemediationQueues
{
    /// <summary>Remediation work items: slow downstream calls, on a queue of their own so they never hold up the review's work.</summary>
    public const string Work = "review-remediation";
}

/// <summary>
/// A work item: attempt <see cref="Attempt"/> of the downstream changes of many targets of one review. Its id
/// derives from the targets and the attempt, so a redelivery is the same message and a retry a new one.
/// </summary>
internal sealed record RemediateAccess(string ReviewId, IReadOnlyList<RemediationTarget> Targets, int Attempt = 1) : IWorkflowMessage
{
    public string MessageId => $"{ReviewId}.rem.{Key(Targets, Attempt)}";

    internal static string Key(IEnumerable<RemediationTarget> targets, int attempt)
    {
        var text = string.Join(',', targets.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.TargetId}@{t.Generation}"))) + "#" + attempt.ToString(CultureInfo.InvariantCulture);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
    }
}

/// <summary>
/// Attempt <see cref="Attempt"/> of the review's logout (UNIVERSAL_LOGOUT) of generation <see cref="Generation"/>, by
/// the default connector; recorded on the header. A redelivery finds the attempt recorded and calls nothing.
/// </summary>
internal sealed record RemediateLogout(string ReviewId, int Generation, int Attempt = 1) : IWorkflowMessage
{
    public const string TargetId = "logout";

    public string MessageId => string.Create(CultureInfo.InvariantCulture, $"{ReviewId}.remlogout.{Generation}.{Attempt}");

    public RemediationTarget Target => new(TargetId, null, Generation);
}

/// <summary>A change a receiver accepted and must report on: FAILED when no report came by DueAt.</summary>
internal sealed record RemediationReportTimeout(string ReviewId, RemediationTarget Target) : IWorkflowMessage
{
    public string MessageId => $"{ReviewId}.remtimeout.{Target.TargetId}.{Target.Generation.ToString(CultureInfo.InvariantCulture)}";
}
