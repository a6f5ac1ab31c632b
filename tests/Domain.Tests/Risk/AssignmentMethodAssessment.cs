using AccessReviewFunctions.Domain.Reviews.Risk;
using static AccessReviewFunctions.Domain.Tests.Risk.RiskFactory;

namespace AccessReviewFunctions.Domain.Tests.Risk;

public sealed class AssignmentMethodAssessment
{
    private const string Differs = "This user's assignment method differs from {0}% of other users who have access to this application.";

    private static Anomaly Method(int individual, int group, string type = "INDIVIDUAL") =>
        Single(Assess(Item(assignmentType: type), stats: Stats(individual, group)), AnomalyType.ASSIGNMENT_METHOD);

    [Theory]
    [InlineData(249, 751, "HIGH", "75")]
    [InlineData(1, 3, "MEDIUM", "75")]
    [InlineData(49, 51, "MEDIUM", "51")]
    [InlineData(0, 10, "HIGH", "100")]
    public void MinorityShare_DiffersFromTheRest(int same, int others, string severity, string percent)
    {
        var anomaly = Method(same, others);

        Assert.Equal(Enum.Parse<Severity>(severity), anomaly.Severity);
        Assert.Equal(Differs, anomaly.Subtext.Message);
        Assert.Equal(new AnomalyArg(percent, "NUMBER"), Assert.Single(anomaly.Subtext.Args));
    }

    [Theory]
    [InlineData(1, 1, "50")]
    [InlineData(4, 0, "100")]
    public void HalfOrMoreShare_IsLowAndAligns(int same, int others, string percent)
    {
        var anomaly = Method(same, others);

        Assert.Equal(Severity.LOW, anomaly.Severity);
        Assert.Equal("The user was assigned to the app directly, aligning with {0}% of users who were assigned the same way", anomaly.Subtext.Message);
        Assert.Equal(new AnomalyArg(percent, "NUMBER"), Assert.Single(anomaly.Subtext.Args));
    }

    [Fact]
    public void GroupAssignment_CountsGroupUsers()
    {
        var anomaly = Method(individual: 1, group: 3, type: "GROUP");

        Assert.Equal(Severity.LOW, anomaly.Severity);
        Assert.Equal("The user was assigned to the app through a group, aligning with {0}% of users who were assigned the same way", anomaly.Subtext.Message);
        Assert.Equal("75", anomaly.Subtext.Args[0].Value);
    }

    [Fact]
    public void NoStats_IsLowWithNoData()
    {
        var anomaly = Single(Assess(noStats: true), AnomalyType.ASSIGNMENT_METHOD);

        Assert.Equal(Severity.LOW, anomaly.Severity);
        Assert.StartsWith("No data found.", anomaly.Subtext.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAssignmentType_IsLowWithNoData() =>
        Assert.StartsWith("No data found.", Method(1, 9, type: "FEDERATED").Subtext.Message, StringComparison.Ordinal);
}
