using System.Text;

namespace AccessReviewFunctions.Domain.Querying;

/// <summary>Splits a filter into words (fields, operators, keywords), quoted strings and parentheses.</summary>
internal static class FilterTokenizer
{
    public static List<FilterToken> Tokenize(string text)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new(FilterTokenKind.End, "", i + 1));
                return tokens;
            }

            var c = text[i];
            if (c is '(' or ')')
            {
                tokens.Add(new(c == '(' ? FilterTokenKind.Open : FilterTokenKind.Close, c.ToString(), i + 1));
                i++;
            }
            else if (c == '"')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                tokens.Add(new(FilterTokenKind.Word, text[start..i], start + 1));
            }
            else
            {
                throw QueryErrors.Filter($"unexpected character '{QueryErrors.Show(c.ToString())}' at position {i + 1}");
            }
        }
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';

    private static FilterToken ReadString(string text, ref int i)
    {
        var start = i;
        var value = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                i++;
                return new(FilterTokenKind.String, value.ToString(), start + 1);
            }

            if (c == '\\')
            {
                if (i + 1 >= text.Length)
                {
                    break;
                }

                var escaped = text[i + 1];
                if (escaped is not ('"' or '\\'))
                {
                    throw QueryErrors.Filter(
                        $"invalid escape '\\{QueryErrors.Show(escaped.ToString())}' at position {i + 1}; only \\\" and \\\\ are allowed");
                }

                value.Append(escaped);
                i += 2;
                continue;
            }

            value.Append(c);
            i++;
        }

        throw QueryErrors.Filter($"unterminated string starting at position {start + 1}");
    }
}
