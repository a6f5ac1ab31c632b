namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>
/// The global defaults for new reviews and the limits on them: one model, read from configuration today and
/// written by the settings API later. A review's own values (set on create or PATCH) override the defaults.
/// </summary>
public sealed record ReviewSettings(
    TimeSpan DefaultDuration,
    ExpirationBehavior ExpirationBehavior,
    string? ExpirationNote,
    bool AutoComplete,
    int MaxOpenReviewsPerPrincipal,
    TimeSpan MinDuration,
    TimeSpan MaxDuration)
{
    /// <summary>Okta's bounds: an end time at least one day and less than six months (180 days here) after creation.</summary>
    public static ReviewSettings Default { get; } = new(TimeSpan.FromDays(7), ExpirationBehavior.DO_NOTHING, null, false, 5, TimeSpan.FromDays(1), TimeSpan.FromDays(180));
}
