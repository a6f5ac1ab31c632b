using System.Text;
using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Domain.Reviews.Values;

/// <summary>
/// Text people type that is shown in lists, history and the System Log: no control characters (NUL, ESC, CR, LF,
/// TAB...), no line or paragraph separators and no bidirectional overrides, any of which can forge or disguise a log line.
/// </summary>
public static class PlainText
{
    /// <summary>True when every character may be shown as it is.</summary>
    public static bool IsPlain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return !text.Any(IsUnsafe);
    }

    /// <summary>The rule <paramref name="field"/> broke by holding an unsafe character.</summary>
    public static Violation Violation(string field) =>
        new(field, ViolationCode.Malformed, "must not contain control characters (such as NUL, ESC, CR, LF or TAB), line separators or bidirectional overrides");

    /// <summary>The text with every unsafe character (and lone surrogate) written as \uXXXX, for text stored before the rule or not typed by people.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(c => IsUnsafe(c) || char.IsSurrogate(c)))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
            }
            else if (IsUnsafe(c) || char.IsSurrogate(c))
            {
                escaped.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
