using AccessReviewFunctions.Domain.Reviews;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>
/// The global review defaults (<see cref="ReviewSettings"/>) from configuration section "Reviews": DefaultDuration,
/// ExpirationBehavior, ExpirationNote, AutoComplete, MaxOpenReviewsPerPrincipal, MinDuration, MaxDuration.
/// </summary>
internal sealed class ReviewSettingsSource(IConfiguration configuration)
{
    public ReviewSettings Current()
    {
        var section = configuration.GetSection("Reviews");
        var defaults = ReviewSettings.Default;
        return new ReviewSettings(
            section.GetValue("DefaultDuration", defaults.DefaultDuration),
            section.GetValue("ExpirationBehavior", defaults.ExpirationBehavior),
            section.GetValue("ExpirationNote", defaults.ExpirationNote),
            section.GetValue("AutoComplete", defaults.AutoComplete),
            section.GetValue("MaxOpenReviewsPerPrincipal", defaults.MaxOpenReviewsPerPrincipal),
            section.GetValue("MinDuration", defaults.MinDuration),
            section.GetValue("MaxDuration", defaults.MaxDuration));
    }
}
