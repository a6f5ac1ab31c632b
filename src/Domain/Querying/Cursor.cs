using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Domain.Querying;

/// <summary>
/// The one <c>after</c> scheme of every list: the sort key and id of the last row returned, and the sort it belongs
/// to. A list sorted by id ascending (the Users API, and Okta's own next links) carries the last row's id as it is;
/// any other sort an opaque token: URL-safe base64 of length-prefixed parts plus a checksum. The checksum catches
/// corruption and casual edits; it is not a signature, and needs not be: a forged cursor only moves the page start.
/// </summary>
public sealed record Cursor(OrderBy OrderBy, SortKey Key, string Id)
{
    public const string IdField = "id";
    private const string Version = "1";
    private const int MaxEncodedLength = 2048;
    private const int MaxIdLength = 100;

    public string Encode()
    {
        if (ByIdAscending(OrderBy))
        {
            return Id;
        }

        var payload = new StringBuilder();
        foreach (var part in new[] { Version, OrderBy.ToString(), EncodeKey(Key), Id })
        {
            payload.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part);
        }

        payload.Append(Checksum(payload.ToString()));
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToString()));
    }

    /// <summary>Decodes a token made by <see cref="Encode"/> for <paramref name="expected"/>; anything else throws.</summary>
    public static Cursor Decode(string? text, OrderBy expected) =>
        TryRead(text, expected) ?? throw DomainException.Validation([QueryErrors.InvalidCursor]);

    /// <summary>The cursor <paramref name="text"/> holds for <paramref name="expected"/>, or null when it holds none.</summary>
    public static Cursor? TryRead(string? text, OrderBy expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (ByIdAscending(expected) && IsRecordId(text))
        {
            return new Cursor(expected, SortKey.Of(text!), text!);
        }

        return TryDecode(text, expected);
    }

    /// <summary>True when <paramref name="text"/> can be a record's id (1-100 letters, digits, '.', '_', '-').</summary>
    public static bool IsRecordId(string? text) => text is { Length: > 0 and <= MaxIdLength } && text.All(IsIdChar);

    private static bool ByIdAscending(OrderBy order) => order.Field == IdField && order.Direction == SortDirection.Asc;

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';

    private static Cursor? TryDecode(string? text, OrderBy expected)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxEncodedLength || !text.All(IsBase64UrlChar))
        {
            return null;
        }

        var bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, bytes, out var consumed, out var written) != OperationStatus.Done
            || consumed != text.Length
            || Base64Url.EncodeToString(bytes.AsSpan(0, written)) != text
            || !Utf8.IsValid(bytes.AsSpan(0, written)))
        {
            return null;
        }

        var payload = Encoding.UTF8.GetString(bytes, 0, written);
        var parts = new List<string>(4);
        var at = 0;
        while (parts.Count < 4 && TryReadPart(payload, ref at, out var part))
        {
            parts.Add(part);
        }

        if (parts.Count != 4 || payload[at..] != Checksum(payload[..at])
            || parts[0] != Version || parts[1] != expected.ToString() || parts[3].Length == 0
            || !TryDecodeKey(parts[2], out var key))
        {
            return null;
        }

        return new(expected, key, parts[3]);
    }

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static bool TryReadPart(string payload, ref int at, out string part)
    {
        part = "";
        var colon = payload.IndexOf(':', at);
        if (colon <= at || colon - at > 4
            || !int.TryParse(payload.AsSpan(at, colon - at), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || length > payload.Length - colon - 1)
        {
            return false;
        }

        part = payload.Substring(colon + 1, length);
        at = colon + 1 + length;
        return true;
    }

    private static string EncodeKey(SortKey key) => key.Kind switch
    {
        SortKeyKind.Text => "s" + key.Text,
        SortKeyKind.Date => "d" + key.Ticks.ToString(CultureInfo.InvariantCulture),
        SortKeyKind.Number => "n" + key.Number.ToString(CultureInfo.InvariantCulture),
        _ => "z",
    };

    private static bool TryDecodeKey(string encoded, out SortKey key)
    {
        key = SortKey.Null;
        if (encoded.Length == 0)
        {
            return false;
        }

        var body = encoded[1..];
        switch (encoded[0])
        {
            case 's':
                key = SortKey.Of(body);
                return true;
            case 'd' when long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                          && ticks <= DateTimeOffset.MaxValue.UtcTicks:
                key = SortKey.Of(new DateTimeOffset(ticks, TimeSpan.Zero));
                return true;
            case 'n' when decimal.TryParse(body, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number):
                key = SortKey.Of(number);
                return true;
            case 'z':
                return body.Length == 0;
            default:
                return false;
        }
    }

    /// <summary>FNV-1a over the UTF-16 payload, as 8 hex digits.</summary>
    private static string Checksum(string payload)
    {
        var hash = 2166136261u;
        foreach (var c in payload)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}
