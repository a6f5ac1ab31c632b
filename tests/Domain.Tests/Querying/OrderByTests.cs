using AccessReviewFunctions.Domain.Querying;
using static AccessReviewFunctions.Domain.Tests.Querying.QueryFixtures;

namespace AccessReviewFunctions.Domain.Tests.Querying;

public class OrderByTests
{
    [Theory]
    [InlineData(null, "created asc")]
    [InlineData("", "created asc")]
    [InlineData("  ", "created asc")]
    [InlineData("name", "name asc")]
    [InlineData("name desc", "name desc")]
    [InlineData("  score   ASC ", "score asc")]
    [InlineData("created Desc", "created desc")]
    public void Parse_Valid_ReturnsFieldAndDirection(string? text, string expected) =>
        Assert.Equal(expected, OrderBy.Parse(text, Sorts).ToString());

    [Theory]
    [InlineData("nme desc", "orderBy: unknown field 'nme'; allowed: created, name, score, id")]
    [InlineData("Name", "orderBy: unknown field 'Name'; allowed: created, name, score, id")]
    [InlineData("name up", "orderBy: invalid direction 'up'; expected asc or desc")]
    [InlineData("name asc,created desc", "orderBy: sorting is supported on one field only; got 'name asc,created desc'")]
    [InlineData("name,created", "orderBy: sorting is supported on one field only; got 'name,created'")]
    [InlineData("name created", "orderBy: sorting is supported on one field only; got 'name created'")]
    [InlineData("name asc created", "orderBy: sorting is supported on one field only; got 'name asc created'")]
    public void Parse_Invalid_ThrowsValidation(string text, string cause) =>
        Assert.Equal(cause, CauseOf(() => OrderBy.Parse(text, Sorts)));

    [Fact]
    public void Schema_DefaultNotSortable_Throws() =>
        Assert.Throws<ArgumentException>(() => new OrderBySchema(new OrderBy("priority", SortDirection.Desc), "name"));
}
