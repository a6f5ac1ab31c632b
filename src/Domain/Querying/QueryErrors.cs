using System.Text;
using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Domain.Querying;

internal static class QueryErrors
{
    public static DomainException Filter(string problem) => DomainException.Validation(Fields.Filter, ViolationCode.Malformed, problem);

    public static DomainException OrderBy(string problem) => DomainException.Validation(Fields.OrderBy, ViolationCode.Malformed, problem);

    public static readonly Violation InvalidCursor = new(Fields.After, ViolationCode.Malformed, "invalid cursor");

    /// <summary>Echoes user input into an error safely: bounded length, control characters escaped.</summary>
    public static string Show(string text, int max = 40)
    {
        var shown = text.Length > max ? text[..max] : text;
        var sb = new StringBuilder(shown.Length + 3);
        foreach (var c in shown)
        {
            sb.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return text.Length > max ? sb.Append("...").ToString() : sb.ToString();
    }
}
