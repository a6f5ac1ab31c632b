using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Querying;
using static AccessReviewFunctions.Domain.Tests.Querying.QueryFixtures;

namespace AccessReviewFunctions.Domain.Tests.Querying;

public class FilterErrorTests
{
    [Theory]
    [InlineData("nme eq \"x\"",
        "filter: unknown field 'nme' at position 1; allowed: name, status, created, score, reviewer.name, governanceLabel")]
    [InlineData("name gt \"x\"",
        "filter: operator 'gt' is not allowed for String field 'name' at position 6; allowed: eq, co")]
    [InlineData("status lt \"ACTIVE\"",
        "filter: operator 'lt' is not allowed for Enum field 'status' at position 8; allowed: eq, co")]
    [InlineData("created co \"2022\"",
        "filter: operator 'co' is not allowed for Date field 'created' at position 9; allowed: eq, gt, lt")]
    [InlineData("score co \"1\"",
        "filter: operator 'co' is not allowed for Number field 'score' at position 7; allowed: eq, gt, lt")]
    [InlineData("name like \"x\"",
        "filter: expected an operator (eq, co, gt, lt) after 'name' at position 6 but found 'like'")]
    [InlineData("created gt \"yesterday\"",
        "filter: invalid date \"yesterday\" for field 'created' at position 12; expected ISO-8601 such as 2022-05-24T14:15:22Z")]
    [InlineData("created gt \"05/24/2022\"",
        "filter: invalid date \"05/24/2022\" for field 'created' at position 12; expected ISO-8601 such as 2022-05-24T14:15:22Z")]
    [InlineData("created gt \"0001-01-01T00:00:00+14:00\"",
        "filter: invalid date \"0001-01-01T00:00:00+14:00\" for field 'created' at position 12; expected ISO-8601 such as 2022-05-24T14:15:22Z")]
    [InlineData("created gt \"9999-12-31T23:59:59-14:00\"",
        "filter: invalid date \"9999-12-31T23:59:59-14:00\" for field 'created' at position 12; expected ISO-8601 such as 2022-05-24T14:15:22Z")]
    [InlineData("score gt \"79228162514264337593543950336\"",
        "filter: invalid number \"79228162514264337593543950336\" for field 'score' at position 10")]
    [InlineData("score gt \"1e5\"", "filter: invalid number \"1e5\" for field 'score' at position 10")]
    [InlineData("status eq \"active\"",
        "filter: invalid value \"active\" for field 'status' at position 11; allowed: ACTIVE, PENDING, CLOSED")]
    [InlineData("name eq \"abc", "filter: unterminated string starting at position 9")]
    [InlineData("name eq \"abc\\", "filter: unterminated string starting at position 9")]
    [InlineData("name eq \"a\\nb\"", "filter: invalid escape '\\n' at position 11; only \\\" and \\\\ are allowed")]
    [InlineData("(name eq \"x\"", "filter: unbalanced parentheses: '(' at position 1 is never closed")]
    [InlineData("name eq \"x\")", "filter: unbalanced parentheses: unexpected ')' at position 12")]
    [InlineData("()", "filter: unexpected ')' at position 2; expected a field name or '('")]
    [InlineData("name eq \"x\" status eq \"ACTIVE\"",
        "filter: unexpected 'status' at position 13; expected 'and' or 'or'")]
    [InlineData("(name eq \"x\" \"y\")", "filter: unexpected \"y\" at position 14; expected 'and', 'or' or ')'")]
    [InlineData("name eq \"x\" and", "filter: unexpected end of expression at position 16; expected a field name or '('")]
    [InlineData("name eq", "filter: expected a quoted value after 'eq' at position 8 but found end of expression")]
    [InlineData("name eq Git", "filter: expected a quoted value after 'eq' at position 9 but found 'Git'")]
    [InlineData("name eq \"x\" # 1", "filter: unexpected character '#' at position 13")]
    [InlineData("name eq \"x\"\u0001", "filter: unexpected character '\\u0001' at position 12")]
    [InlineData("", "filter: empty expression")]
    [InlineData("  \t ", "filter: empty expression")]
    public void Parse_Invalid_ThrowsValidationNamingProblemAndPosition(string filter, string cause) =>
        Assert.Equal(cause, FilterError(filter));

    [Fact]
    public void Parse_LongerThan1000_Throws()
    {
        var filter = "name co \"" + new string('a', 991) + "\"";

        Assert.Equal("filter: expression is longer than 1000 characters", FilterError(filter));
    }

    [Fact]
    public void Parse_Exactly1000_Accepted()
    {
        var filter = "name co \"" + new string('a', 990) + "\"";

        Assert.Equal(1000, filter.Length);
        Assert.NotNull(Filter.Parse(filter, Schema).Root);
    }

    [Fact]
    public void Parse_NestedDeeperThan20_Throws()
    {
        var filter = new string('(', 21) + "name eq \"x\"" + new string(')', 21);

        Assert.Equal("filter: expression is nested deeper than 20 levels at position 21", FilterError(filter));
    }

    [Fact]
    public void Parse_ThousandOpenParentheses_ThrowsDomainExceptionNotStackOverflow() =>
        Assert.Throws<DomainException>(() => Filter.Parse(new string('(', 1000), Schema));

    [Fact]
    public void Parse_LongUnknownField_IsTruncatedInCause()
    {
        var cause = FilterError(new string('x', 500) + " eq \"a\"");

        Assert.StartsWith("filter: unknown field '" + new string('x', 40) + "...' at position 1", cause, StringComparison.Ordinal);
    }
}
