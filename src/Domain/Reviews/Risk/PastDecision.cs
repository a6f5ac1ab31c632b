namespace AccessReviewFunctions.Domain.Reviews.Risk;

/// <summary>A decision an earlier review made about one of this principal's resources; <see cref="Decision"/> is one of <see cref="PastDecisions"/>.</summary>
public sealed record PastDecision(string ResourceId, string Decision, DateTimeOffset DecidedAt, string ReviewId);

/// <summary>The decisions a review can record about an access.</summary>
public static class PastDecisions
{
    public const string RevokeAccess = "REVOKE_ACCESS";
    public const string RestoreAccess = "RESTORE_ACCESS";
    public const string Keep = "KEEP";
}
