namespace AccessReviewFunctions.Domain.Reviews.Remediation;

/// <summary>
/// Where a downstream change stands: PENDING until its first attempt, IN_PROGRESS while it retries or a receiver
/// has yet to report, then SUCCEEDED or FAILED; FIXED when an admin marks a failed one fixed by hand.
/// </summary>
public enum RemediationStatus
{
    PENDING,
    IN_PROGRESS,
    SUCCEEDED,
    FAILED,
    FIXED,
}

/// <summary>The change a decision needs downstream: take access away, put back what this review took away, or end the principal's sessions (UNIVERSAL_LOGOUT).</summary>
public enum RemediationKind
{
    REVOKE,
    RESTORE,
    LOGOUT,
}

public static class RemediationStatuses
{
    public static bool IsTerminal(this RemediationStatus status) =>
        status is RemediationStatus.SUCCEEDED or RemediationStatus.FAILED or RemediationStatus.FIXED;
}
