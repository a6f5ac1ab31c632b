using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Querying;
using static AccessReviewFunctions.Domain.Tests.Querying.QueryFixtures;

namespace AccessReviewFunctions.Domain.Tests.Querying;

public class PageRequestTests
{
    private static readonly OrderBy ByName = new("name", SortDirection.Asc);

    [Theory]
    [InlineData(null, 20)]
    [InlineData("", 20)]
    [InlineData("1", 1)]
    [InlineData("200", 200)]
    [InlineData("037", 37)]
    public void Parse_LimitInRange_Accepted(string? limit, int expected) =>
        Assert.Equal(expected, PageRequest.Parse(limit, null, ByName).Limit);

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData("ten")]
    [InlineData("1.5")]
    [InlineData(" 5")]
    [InlineData("99999999999999999999")]
    public void Parse_LimitOutOfRangeOrNotNumeric_Throws(string limit) =>
        Assert.Equal("limit: must be an integer from 1 to 200", CauseOf(() => PageRequest.Parse(limit, null, ByName)));

    [Fact]
    public void Parse_NoAfter_HasNoCursor() => Assert.Null(PageRequest.Parse("5", null, ByName).After);

    [Fact]
    public void Parse_ValidAfter_DecodesCursor()
    {
        var after = new Cursor(ByName, SortKey.Of("Git"), "r1").Encode();

        Assert.Equal("r1", PageRequest.Parse(null, after, ByName).After?.Id);
    }

    [Fact]
    public void Parse_RecordIdAfter_KeptAsTheRecordToPageAfter()
    {
        var request = PageRequest.Parse(null, "sar00000000000000001", ByName);

        Assert.Null(request.After);
        Assert.Equal("sar00000000000000001", request.AfterId);
    }

    [Fact]
    public void Parse_BadLimitAndBadAfter_ReportsBoth()
    {
        var error = Assert.Throws<DomainException>(() => PageRequest.Parse("0", "garbage!", ByName));

        Assert.Equal(["limit: must be an integer from 1 to 200", "after: invalid cursor"], error.Causes.Select(c => c.ToString()));
    }
}
