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
    int MaxOpenReviewsPerPrincipal)
{
    public static ReviewSettings Default { get; } = new(TimeSpan.FromDays(7), ExpirationBehavior.DO_NOTHING, null, false, 5);
}
