namespace AccessReviewFunctions.Domain.Reviews.Remediation;

/// <summary>
/// Durable retries of transient failures: exponential backoff from BaseDelay, capped at MaxDelay, with jitter, up to
/// MaxAttempts attempts in all; a Retry-After the target sent is waited at least.
/// </summary>
public sealed record RetrySettings(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static readonly RetrySettings Default = new(6, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5));

    /// <param name="attempt">The attempt that just failed, from 1.</param>
    /// <param name="retryAfter">What the target asked for, if anything.</param>
    /// <param name="jitter">A number in [0, 1): the delay is between half and all of the exponential step.</param>
    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter, double jitter)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var step = Math.Min(BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), MaxDelay.TotalMilliseconds);
        var delay = TimeSpan.FromMilliseconds(step * (0.5 + (Math.Clamp(jitter, 0, 1) / 2)));
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }
}
