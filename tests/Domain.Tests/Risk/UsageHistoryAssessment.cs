using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Risk;
using static AccessReviewFunctions.Domain.Tests.Risk.RiskFactory;

namespace AccessReviewFunctions.Domain.Tests.Risk;

public sealed class UsageHistoryAssessment
{
    private static Anomaly Usage(AccessItem item) => Single(Assess(item), AnomalyType.USAGE_HISTORY);

    [Fact]
    public void NeverAccessed_IsHighWithNinetyDayMessage()
    {
        var anomaly = Usage(Item(neverAccessed: true));

        Assert.Equal(Severity.HIGH, anomaly.Severity);
        Assert.Equal("The user has not accessed this application in the last 90 days.", anomaly.Subtext.Message);
        Assert.Empty(anomaly.Subtext.Args);
    }

    [Fact]
    public void LastAccessJustOverNinetyDaysAgo_IsHigh() =>
        Assert.Equal(Severity.HIGH, Usage(Item(lastAccess: Now.AddDays(-90).AddSeconds(-1))).Severity);

    [Fact]
    public void LastAccessExactlyNinetyDaysAgo_CountsAsRecent() =>
        Assert.Equal(Severity.LOW, Usage(Item(lastAccess: Now.AddDays(-90))).Severity);

    [Fact]
    public void FourAccessesInNinetyDays_IsMediumWithCount()
    {
        var anomaly = Usage(Item(usage: 4));

        Assert.Equal(Severity.MEDIUM, anomaly.Severity);
        Assert.Equal("The user accessed this application only {0} times in the last 90 days.", anomaly.Subtext.Message);
        Assert.Equal(new AnomalyArg("4", "NUMBER"), Assert.Single(anomaly.Subtext.Args));
    }

    [Fact]
    public void FiveAccessesInNinetyDays_IsLow() =>
        Assert.Equal(Severity.LOW, Usage(Item(usage: 5)).Severity);

    [Fact]
    public void AssignedWithinThirtyDays_IsLowWithRelativeDate()
    {
        var assigned = Now.AddDays(-30).AddSeconds(1);

        var anomaly = Usage(Item(assigned: assigned, neverAccessed: true));

        Assert.Equal(Severity.LOW, anomaly.Severity);
        Assert.Equal("The user was assigned the app recently, {0}", anomaly.Subtext.Message);
        Assert.Equal(new AnomalyArg("2025-05-21T12:00:01Z", "RELATIVE_DATE_TO_NOW"), Assert.Single(anomaly.Subtext.Args));
    }

    [Fact]
    public void AssignedExactlyThirtyDaysAgo_IsNoLongerRecent() =>
        Assert.Equal(Severity.HIGH, Usage(Item(assigned: Now.AddDays(-30), neverAccessed: true)).Severity);

    [Fact]
    public void AssignedDateInOtherOffset_IsWrittenInUtc()
    {
        var assigned = new DateTimeOffset(2025, 6, 13, 17, 23, 59, TimeSpan.FromHours(2));

        Assert.Equal("2025-06-13T15:23:59Z", Usage(Item(assigned: assigned)).Subtext.Args[0].Value);
    }
}
