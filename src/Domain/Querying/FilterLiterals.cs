using System.Globalization;

namespace AccessReviewFunctions.Domain.Querying;

internal static class FilterLiterals
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    /// <summary>ISO-8601 only; a value without an offset is taken as UTC.</summary>
    public static bool TryParseDate(string text, out DateTimeOffset date) =>
        DateTimeOffset.TryParseExact(
            text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);

    public static bool TryParseNumber(string text, out decimal number) =>
        decimal.TryParse(
            text,
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture,
            out number);
}
