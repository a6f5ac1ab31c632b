using AccessReviewFunctions.Domain.Querying;
using static AccessReviewFunctions.Domain.Tests.Querying.QueryFixtures;

namespace AccessReviewFunctions.Domain.Tests.Querying;

public class FilterGrammarTests
{
    private static readonly Row Row = new("r1", "Git", "PENDING", May24, 1m, ["John"], ["PCI"]);

    [Theory]
    [InlineData("name eq \"Git\" or name eq \"x\" and status eq \"ACTIVE\"", true)]
    [InlineData("name eq \"x\" and status eq \"PENDING\" or name eq \"Git\"", true)]
    [InlineData("(name eq \"Git\" or name eq \"x\") and status eq \"ACTIVE\"", false)]
    [InlineData("name eq \"x\" and (status eq \"PENDING\" or name eq \"Git\")", false)]
    [InlineData("((name eq \"Git\"))", true)]
    [InlineData("name eq \"x\" or name eq \"y\" or score eq \"1\"", true)]
    [InlineData("name eq \"Git\" and score eq \"1\" and status eq \"PENDING\"", true)]
    public void AndOr_AndBindsTighterAndParenthesesOverride(string filter, bool expected) =>
        Assert.Equal(expected, Matches(filter, Row));

    [Fact]
    public void Parse_AndInsideOr_BuildsOrOfAnd()
    {
        var root = Filter.Parse("name eq \"a\" or name eq \"b\" and status eq \"ACTIVE\"", Schema).Root;

        var or = Assert.IsType<OrNode>(root);
        Assert.IsType<ComparisonNode>(or.Operands[0]);
        Assert.Equal(2, Assert.IsType<AndNode>(or.Operands[1]).Operands.Count);
    }

    [Fact]
    public void Keywords_AnyCase_Accepted() =>
        Assert.True(Matches("name EQ \"Git\" AND status Eq \"PENDING\" Or name cO \"zz\"", Row));

    [Fact]
    public void FieldNames_WrongCase_Rejected() =>
        Assert.StartsWith("filter: unknown field 'NAME' at position 1", FilterError("NAME eq \"Git\""), StringComparison.Ordinal);

    [Theory]
    [InlineData("name eq\"Git\"")]
    [InlineData("(name eq \"Git\")and(status eq \"PENDING\")")]
    [InlineData("  \t\n name \r\n eq   \"Git\"  ")]
    public void Whitespace_ArbitraryOrNone_Accepted(string filter) => Assert.True(Matches(filter, Row));

    [Theory]
    [InlineData("name eq \"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("name eq \"C:\\\\temp\"", "C:\\temp")]
    [InlineData("name eq \"a\\\\\"", "a\\")]
    [InlineData("name eq \"and or ( ) eq\"", "and or ( ) eq")]
    public void StringLiteral_Escapes_Unescaped(string filter, string value) =>
        Assert.True(Matches(filter, Row with { Name = value }));

    [Fact]
    public void Depth_TwentyLevels_Accepted()
    {
        var filter = new string('(', 20) + "name eq \"Git\"" + new string(')', 20);

        Assert.True(Matches(filter, Row));
    }
}
