namespace AccessReviewFunctions.Functions.Okta;

/// <summary>The <c>RateLimiting</c> settings: a fixed window budget per caller (user, or client IP when anonymous).</summary>
internal sealed class RateLimitSettings
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests one caller may make in one window.</summary>
    public int PermitLimit { get; set; } = 600;

    /// <summary>The window's length; windows are aligned to the clock (a one-minute window resets on the minute).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
