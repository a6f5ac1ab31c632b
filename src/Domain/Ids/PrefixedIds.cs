using System.Security.Cryptography;
using System.Text;

namespace AccessReviewFunctions.Domain.Ids;

/// <summary>
/// Ids of the domain's records: a 3-letter prefix and 17 URL-safe characters (the shape Okta's ids have). New ids start with the time so they sort by
/// creation under ordinal comparison; derived ids are a hash of their parts, so a retried step makes the same id.
/// </summary>
public static class PrefixedIds
{
    public const int Length = 20;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int TimeChars = 8;

    public static string New(string prefix, DateTimeOffset now, ReadOnlySpan<byte> random)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var chars = new StringBuilder(prefix, Length);
        AppendBase62((ulong)now.ToUnixTimeMilliseconds(), TimeChars, chars);
        AppendBytes(random, Length - prefix.Length - TimeChars, chars);
        return chars.ToString();
    }

    public static string Derive(string prefix, params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        var chars = new StringBuilder(prefix, Length);
        AppendBytes(hash, Length - prefix.Length, chars);
        return chars.ToString();
    }

    public static bool LooksValid(string? id, string prefix) =>
        id is { Length: Length } && id.StartsWith(prefix, StringComparison.Ordinal) && id.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    private static void AppendBase62(ulong value, int width, StringBuilder into)
    {
        Span<char> digits = stackalloc char[width];
        for (var i = width - 1; i >= 0; i--)
        {
            digits[i] = Alphabet[(int)(value % 62)];
            value /= 62;
        }

        into.Append(digits);
    }

    private static void AppendBytes(ReadOnlySpan<byte> bytes, int count, StringBuilder into)
    {
        for (var i = 0; i < count; i++)
        {
            into.Append(Alphabet[bytes[i % bytes.Length] % 62]);
        }
    }
}
