using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews.Values;

namespace AccessReviewFunctions.Domain.Tests.Reviews;

/// <summary>Names, notes and comments are plain text: what could forge or disguise a log line is refused, other Unicode is kept.</summary>
public sealed class PlainTextRules
{
    public static TheoryData<string> Unsafe => new()
    {
        "a\u0000b", "a\u001b[31mb", "a\rb", "a\nb", "a\tb", "a\u007fb", "a\u0085b", "a\u2028b", "a\u2029b", "a\u202eb", "a\u2066b",
    };

    [Theory]
    [MemberData(nameof(Unsafe))]
    public void NameNoteAndComment_Unsafe_MalformedEach(string text)
    {
        var problems = new List<Violation>();

        Assert.Null(ReviewName.From(text, problems));
        Assert.Null(ExpirationNote.From(text, problems));
        var comment = Assert.Throws<DomainException>(() => CommentText.From(text));

        Assert.Equal([(Fields.Name, ViolationCode.Malformed), (Fields.ExpirationNote, ViolationCode.Malformed)], problems.Select(p => (p.Field, p.Code)));
        Assert.Equal((Fields.Comment, ViolationCode.Malformed), (comment.Causes[0].Field, comment.Causes[0].Code));
    }

    [Theory]
    [InlineData("Überprüfung: Zugriff 🙂")]
    [InlineData("審査 review")]
    [InlineData("  trimmed\r\n")]
    public void NameNoteAndComment_PrintableUnicode_Kept(string text)
    {
        var problems = new List<Violation>();

        Assert.Equal(text.Trim(), ReviewName.From(text, problems)!.Value);
        Assert.Equal(text.Trim(), ExpirationNote.From(text, problems)!.Value);
        Assert.Equal(text.Trim(), CommentText.From(text).Value);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("plain 🙂", "plain 🙂")]
    [InlineData("a\r\nb", "a\\u000D\\u000Ab")]
    [InlineData("\u202eevil", "\\u202Eevil")]
    public void Escape_UnsafeAsCodePoints(string text, string escaped) => Assert.Equal(escaped, PlainText.Escape(text));

    [Fact]
    public void Escape_LoneSurrogate_AsCodePoint() => Assert.Equal("lone \\uD800 surrogate", PlainText.Escape($"lone {'\ud800'} surrogate"));
}
