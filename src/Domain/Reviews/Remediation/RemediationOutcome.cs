namespace AccessReviewFunctions.Domain.Reviews.Remediation;

/// <summary>How one attempt at a downstream change ended.</summary>
public enum OutcomeKind
{
    /// <summary>Applied (or nothing was left to apply); terminal.</summary>
    Succeeded,

    /// <summary>Accepted by a receiver that reports the result later.</summary>
    Accepted,

    /// <summary>May succeed if tried again: a timeout, 408, 429, 5xx.</summary>
    Transient,

    /// <summary>Will not succeed by trying again: any other 4xx, or access still present after the change.</summary>
    Permanent,
}

/// <summary>One attempt's outcome: what it removed (a revoke), and how long the target asked us to wait (429 Retry-After).</summary>
public sealed record RemediationOutcome(OutcomeKind Kind, string Reason, IReadOnlyList<RemovedAccess>? Removed = null, TimeSpan? RetryAfter = null)
{
    public static RemediationOutcome Succeeded(string reason, params RemovedAccess[] removed) => new(OutcomeKind.Succeeded, reason, removed);

    public static RemediationOutcome Accepted(string reason) => new(OutcomeKind.Accepted, reason);

    public static RemediationOutcome Transient(string reason, TimeSpan? retryAfter = null) => new(OutcomeKind.Transient, reason, null, retryAfter);

    public static RemediationOutcome Permanent(string reason) => new(OutcomeKind.Permanent, reason);

    /// <summary>The outcome of an HTTP status: 2xx succeeded; 408, 429 and 5xx are transient; any other status is permanent.</summary>
    public static OutcomeKind Classify(int statusCode) => statusCode switch
    {
        >= 200 and < 300 => OutcomeKind.Succeeded,
        408 or 429 or >= 500 => OutcomeKind.Transient,
        _ => OutcomeKind.Permanent,
    };
}
