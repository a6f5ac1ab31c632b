using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Domain.Reviews.Values;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static AccessReviewFunctions.Domain.Tests.Querying.QueryFixtures;

namespace AccessReviewFunctions.Domain.Tests.Querying;

/// <summary>
/// Properties of the rules every dialect's input goes through, checked on FsCheck's generated text (any string,
/// null included, shrunk to the smallest counterexample on failure) beside the seeded corpora of the fuzz tests.
/// </summary>
public class InputProperties
{
    private static readonly string[] FilterWords = ["name", "status", "created", "eq", "co", "gt", "sw", "pr", "and", "or", "(", ")", "\"", "\\", "\"Git\"", " ", "\u0000"];

    [Property(MaxTest = 3000)]
    public bool Filter_AnyText_EvaluatesOrIsOneMalformedCause(string? text) => ParsesOrIsMalformed(text);

    [Property(MaxTest = 3000)]
    public Property Filter_TextMadeOfFilterWords_EvaluatesOrIsOneMalformedCause() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(FilterWords)).Select(words => string.Join(' ', words)).ToArbitrary(), ParsesOrIsMalformed);

    [Property(MaxTest = 2000)]
    public bool EnumText_AnyText_AcceptsExactlyTheDocumentedNames(string? text) =>
        EnumText.TryParse<AccessAction>(text, out _) == (text is not null && Enum.GetNames<AccessAction>().Contains(text, StringComparer.Ordinal));

    [Property]
    public bool EnumText_NumbersAndLists_Refused(int number) =>
        !EnumText.TryParse<AccessAction>(number.ToString(System.Globalization.CultureInfo.InvariantCulture), out _)
        && !EnumText.TryParse<AccessAction>($"+{Math.Abs((long)number)}", out _)
        && !EnumText.TryParse<AccessAction>(string.Join(", ", Enum.GetNames<AccessAction>()), out _);

    [Property(MaxTest = 2000)]
    public bool PlainText_AnyTextEscaped_IsPlain(string? text) => text is null || PlainText.IsPlain(PlainText.Escape(text));

    [Property(MaxTest = 2000)]
    public bool PlainText_PlainTextWithoutSurrogates_EscapesToItself(string? text) =>
        text is null || !PlainText.IsPlain(text) || text.Any(char.IsSurrogate) || PlainText.Escape(text) == text;

    private static bool ParsesOrIsMalformed(string? text)
    {
        var row = new Row("r", "Git", "ACTIVE", May24, 1m, ["John"], ["PCI"]);
        try
        {
            Filter.Parse(text, Schema).Matches(f => Resolve(row, f));
            return true;
        }
        catch (DomainException e)
        {
            return e.Causes.Count == 1 && e.Causes[0].Field == Fields.Filter && e.Causes[0].Code is ViolationCode.Malformed or ViolationCode.Required;
        }
    }
}
