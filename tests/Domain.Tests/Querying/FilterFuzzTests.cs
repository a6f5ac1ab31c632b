using System.Text;
using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Querying;
using static AccessReviewFunctions.Domain.Tests.Querying.QueryFixtures;

namespace AccessReviewFunctions.Domain.Tests.Querying;

public class FilterFuzzTests
{
    private static readonly string[] Tokens =
    [
        "name", "status", "created", "score", "reviewer.name", "governanceLabel", "nme", "reviewer.", ".",
        "eq", "co", "gt", "lt", "EQ", "and", "or", "AND", "Or", "(", ")", "\"", "\\", "\\\"", "\\\\",
        "\"ACTIVE\"", "\"Git\"", "\"2022-05-24T14:15:22Z\"", "\"2022-13-45\"", "\"1.5\"", "\"-\"", " ", "  ", "\t", "\n",
        "", "#", "\u0000", "\uD800", "é", "1",
    ];

    private static readonly string[] ValidFilters =
    [
        "name co \"Git\"",
        "status eq \"ACTIVE\"",
        "reviewer.name co \"John\"",
        "created gt \"2022-05-24T14:15:22Z\"",
        "(name eq \"a\\\"b\" or score lt \"3\") and governanceLabel co \"Crown Jewel\"",
        "((status eq \"PENDING\") and (created lt \"2023-01-01\" or name co \"x\\\\y\"))",
    ];

    [Fact]
    public void Parse_TwentyThousandRandomInputs_OnlyParsesOrThrowsDomainException()
    {
        var random = new Random(20260522);
        var row = new Row("r", "Git", "ACTIVE", May24, 1m, ["John"], ["PCI"]);
        int parsed = 0, rejected = 0;

        for (var i = 0; i < 20_000; i++)
        {
            var input = (i % 3) switch
            {
                0 => RandomTokens(random),
                1 => Mutate(random, ValidFilters[random.Next(ValidFilters.Length)]),
                _ => RandomChars(random),
            };

            try
            {
                Filter.Parse(input, Schema).Matches(f => Resolve(row, f));
                parsed++;
            }
            catch (DomainException e)
            {
                Assert.Single(e.Causes);
                Assert.Equal((Fields.Filter, ViolationCode.Malformed), (e.Causes[0].Field, e.Causes[0].Code));
                rejected++;
            }
        }

        // The seed fixes the inputs, so these counts change only when what the language accepts changes.
        Assert.Equal((384, 19_616), (parsed, rejected));
    }

    private static string RandomTokens(Random random)
    {
        var sb = new StringBuilder();
        var count = random.Next(0, 30);
        for (var i = 0; i < count; i++)
        {
            sb.Append(Tokens[random.Next(Tokens.Length)]);
            if (random.Next(3) > 0)
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }

    private static string Mutate(Random random, string valid)
    {
        var chars = new List<char>(valid);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && chars.Count > 0; e++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.Insert(at, "()\"\\ aeo.x#"[random.Next(11)]);
                    break;
                default:
                    var other = random.Next(chars.Count);
                    (chars[at], chars[other]) = (chars[other], chars[at]);
                    break;
            }
        }

        return new string(chars.ToArray());
    }

    private static string RandomChars(Random random)
    {
        var length = random.Next(0, random.Next(10) == 0 ? 1200 : 60);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)random.Next(0, random.Next(2) == 0 ? 128 : 0x10000);
        }

        return new string(chars);
    }
}
