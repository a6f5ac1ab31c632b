namespace AccessReviewFunctions.Domain.Reviews.Risk;

/// <summary>Usage history of the app: recent assignment first, then last access and access count over 90 days.</summary>
internal static class UsageHistoryRule
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);
    public static readonly TimeSpan RecentAssignment = TimeSpan.FromDays(30);
    public const int FrequentUse = 5;

    public static Anomaly Assess(DateTimeOffset assignedDate, DateTimeOffset? lastAccess, int usage, DateTimeOffset now)
    {
        if (assignedDate > now - RecentAssignment)
        {
            return RiskArgs.Anomaly(AnomalyType.USAGE_HISTORY, Severity.LOW, "The user was assigned the app recently, {0}", RiskArgs.RelativeDate(assignedDate));
        }

        if (lastAccess is not { } last || last < now - Window)
        {
            return RiskArgs.Anomaly(AnomalyType.USAGE_HISTORY, Severity.HIGH, "The user has not accessed this application in the last 90 days.");
        }

        return usage < FrequentUse
            ? RiskArgs.Anomaly(AnomalyType.USAGE_HISTORY, Severity.MEDIUM, "The user accessed this application only {0} times in the last 90 days.", RiskArgs.Number(usage))
            : RiskArgs.Anomaly(AnomalyType.USAGE_HISTORY, Severity.LOW, "The user accessed this application {0} times in the last 90 days.", RiskArgs.Number(usage));
    }
}
