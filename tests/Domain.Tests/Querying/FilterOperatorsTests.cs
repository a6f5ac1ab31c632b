using static AccessReviewFunctions.Domain.Tests.Querying.QueryFixtures;

namespace AccessReviewFunctions.Domain.Tests.Querying;

public class FilterOperatorsTests
{
    private static readonly Row Git = new(
        "r1", "GitHub Admins", "ACTIVE", May24, 7.5m, ["John Doe", "Ann Lee"], ["Crown Jewel", "PCI"]);

    [Theory]
    [InlineData("name eq \"GitHub Admins\"", true)]
    [InlineData("name eq \"github admins\"", false)]
    [InlineData("name eq \"GitHub\"", false)]
    [InlineData("name co \"hub adm\"", true)]
    [InlineData("name co \"GIT\"", true)]
    [InlineData("name co \"Okta\"", false)]
    [InlineData("name co \"\"", true)]
    public void String_EqAndCo_MatchAsDocumented(string filter, bool expected) =>
        Assert.Equal(expected, Matches(filter, Git));

    [Theory]
    [InlineData("status eq \"ACTIVE\"", true)]
    [InlineData("status eq \"PENDING\"", false)]
    [InlineData("status co \"act\"", true)]
    [InlineData("status co \"CLOS\"", false)]
    public void Enum_EqAndCo_MatchAsDocumented(string filter, bool expected) =>
        Assert.Equal(expected, Matches(filter, Git));

    [Theory]
    [InlineData("created gt \"2022-05-24T14:15:21Z\"", true)]
    [InlineData("created gt \"2022-05-24T14:15:22Z\"", false)]
    [InlineData("created lt \"2022-05-24T14:15:23Z\"", true)]
    [InlineData("created lt \"2022-05-24T14:15:22Z\"", false)]
    [InlineData("created eq \"2022-05-24T14:15:22Z\"", true)]
    [InlineData("created eq \"2022-05-24T16:15:22+02:00\"", true)]
    [InlineData("created eq \"2022-05-24T14:15:22.000Z\"", true)]
    [InlineData("created gt \"2022-05-24\"", true)]
    [InlineData("created lt \"2022-05-24T14:15\"", false)]
    public void Date_GtLtEq_CompareInstants(string filter, bool expected) =>
        Assert.Equal(expected, Matches(filter, Git));

    [Theory]
    [InlineData("score eq \"7.5\"", true)]
    [InlineData("score eq \"7.50\"", true)]
    [InlineData("score gt \"7\"", true)]
    [InlineData("score gt \"7.5\"", false)]
    [InlineData("score lt \"-1\"", false)]
    [InlineData("score lt \"10\"", true)]
    public void Number_EqGtLt_CompareValues(string filter, bool expected) =>
        Assert.Equal(expected, Matches(filter, Git));

    [Theory]
    [InlineData("reviewer.name co \"john\"", true)]
    [InlineData("reviewer.name co \"lee\"", true)]
    [InlineData("reviewer.name eq \"Ann Lee\"", true)]
    [InlineData("reviewer.name co \"Smith\"", false)]
    [InlineData("governanceLabel co \"Crown Jewel\"", true)]
    [InlineData("governanceLabel eq \"pci\"", false)]
    public void MultiValued_AnyValueMatches(string filter, bool expected) =>
        Assert.Equal(expected, Matches(filter, Git));

    [Theory]
    [InlineData("created gt \"2000-01-01T00:00:00Z\"")]
    [InlineData("created lt \"2100-01-01T00:00:00Z\"")]
    [InlineData("score eq \"0\"")]
    [InlineData("reviewer.name co \"\"")]
    public void MissingValue_NeverMatches(string filter) =>
        Assert.False(Matches(filter, new Row("r2", "x")));

    [Fact]
    public void MatchAll_NullFilter_MatchesEveryRow() =>
        Assert.True(Domain.Querying.Filter.Parse(null, Schema).Matches(_ => null));
}
