using AccessReviewFunctions.Domain.Reviews.Risk;
using static AccessReviewFunctions.Domain.Tests.Risk.RiskFactory;

namespace AccessReviewFunctions.Domain.Tests.Risk;

public sealed class PastDecisionsAssessment
{
    private static readonly DateTimeOffset Revoked = Now.AddDays(-100);

    private static PastDecision Decision(string decision, DateTimeOffset at, string resource = AppId) => new(resource, decision, at, "sar-old");

    private static Anomaly Decisions(DateTimeOffset assigned, params PastDecision[] past) =>
        Single(Assess(Item(assigned: assigned), past: past), AnomalyType.PAST_GOVERNANCE_DECISIONS);

    [Fact]
    public void NoDecisions_IsLowWithNoData()
    {
        var anomaly = Decisions(Now.AddDays(-365));

        Assert.Equal(Severity.LOW, anomaly.Severity);
        Assert.Equal("No data found. The assignment has no past governance decisions", anomaly.Subtext.Message);
        Assert.Empty(anomaly.Subtext.Args);
    }

    [Fact]
    public void RevokedThenRegranted_IsHighWithRevocationDate()
    {
        var anomaly = Decisions(Revoked.AddSeconds(1), Decision("REVOKE_ACCESS", Revoked));

        Assert.Equal(Severity.HIGH, anomaly.Severity);
        Assert.Equal("The assignment was revoked in a previous review on {0} and has since been re-granted.", anomaly.Subtext.Message);
        Assert.Equal(new AnomalyArg("2025-03-12T12:00:00Z", "RELATIVE_DATE_TO_NOW"), Assert.Single(anomaly.Subtext.Args));
    }

    [Fact]
    public void RevokedButAssignedBefore_IsMedium()
    {
        var anomaly = Decisions(Revoked, Decision("REVOKE_ACCESS", Revoked));

        Assert.Equal(Severity.MEDIUM, anomaly.Severity);
        Assert.Equal("The assignment was revoked in a previous review on {0} but is still in place.", anomaly.Subtext.Message);
    }

    [Fact]
    public void Kept_IsLow()
    {
        var anomaly = Decisions(Now.AddDays(-365), Decision("KEEP", Revoked));

        Assert.Equal(Severity.LOW, anomaly.Severity);
        Assert.Equal("The assignment was kept in a previous review on {0}", anomaly.Subtext.Message);
    }

    [Fact]
    public void RevokedThenRestored_IsLow() =>
        Assert.Equal(Severity.LOW, Decisions(Now.AddDays(-10), Decision("REVOKE_ACCESS", Revoked), Decision("RESTORE_ACCESS", Revoked.AddDays(1))).Severity);

    [Fact]
    public void KeptThenRevokedThenRegranted_IsHigh() =>
        Assert.Equal(Severity.HIGH, Decisions(Now.AddDays(-10), Decision("REVOKE_ACCESS", Revoked), Decision("KEEP", Revoked.AddDays(-200))).Severity);

    [Fact]
    public void DecisionsOnOtherResources_AreIgnored() =>
        Assert.StartsWith("No data found.", Decisions(Now.AddDays(-10), Decision("REVOKE_ACCESS", Revoked, resource: "0oaother")).Subtext.Message, StringComparison.Ordinal);
}
