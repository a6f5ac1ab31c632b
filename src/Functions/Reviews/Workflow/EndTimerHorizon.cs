namespace AccessReviewFunctions.Functions.Reviews.Workflow;

/// <summary>
/// How far ahead a review's end timer is armed (Reviews:EndTimerHorizon, default 1 hour). A review ending within the
/// horizon gets its timer when it is created or its end time changes; <see cref="EndTimerJob"/> arms the others once
/// their end comes within half the horizon, so a create that commits while a pass reads is always on one side or the
/// other. The queues then hold only the timers of reviews ending soon, not a delayed message per open review (Azurite's
/// queue service walks every live message of the account on each receive and delete). The job must run more often than
/// half the horizon; every minute is its default.
/// </summary>
internal sealed record EndTimerHorizon(TimeSpan Length)
{
    public const string Setting = "Reviews:EndTimerHorizon";
    public static readonly TimeSpan DefaultLength = TimeSpan.FromHours(1);

    /// <summary>Whether a review ending at <paramref name="endTime"/> gets its timer now, from its create or update.</summary>
    public bool Covers(DateTimeOffset endTime, DateTimeOffset now) => endTime - now <= Length;

    /// <summary>The latest end time the job arms at <paramref name="now"/>.</summary>
    public DateTimeOffset JobReach(DateTimeOffset now) => now + (Length / 2);

    public static EndTimerHorizon From(IConfiguration configuration)
    {
        var length = configuration.GetValue(Setting, DefaultLength);
        return length > TimeSpan.Zero
            ? new EndTimerHorizon(length)
            : throw new InvalidOperationException($"{Setting} must be a positive time span, such as 01:00:00; it is {length}.");
    }
}
