using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews.Values;

namespace AccessReviewFunctions.Domain.Querying;

internal static class QueryErrors
{
    public static DomainException Filter(string problem) => DomainException.Validation(Fields.Filter, ViolationCode.Malformed, problem);

    public static DomainException OrderBy(string problem) => DomainException.Validation(Fields.OrderBy, ViolationCode.Malformed, problem);

    public static readonly Violation InvalidCursor = new(Fields.After, ViolationCode.Malformed, "invalid cursor");

    /// <summary>Echoes user input into an error safely: bounded length, control characters escaped.</summary>
    public static string Show(string text, int max = 40)
    {
        var shown = PlainText.Escape(text.Length > max ? text[..max] : text);
        return text.Length > max ? shown + "..." : shown;
    }
}
