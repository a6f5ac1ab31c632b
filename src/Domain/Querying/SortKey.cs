using System.Globalization;

namespace AccessReviewFunctions.Domain.Querying;

/// <summary>
/// The value a row sorts by. Ordering is total: null first, then numbers, dates, text (case-insensitive,
/// then ordinal to break ties), so keyset paging never sees two different keys as equal.
/// </summary>
public readonly record struct SortKey : IComparable<SortKey>
{
    private SortKey(SortKeyKind kind, string text, long ticks, decimal number)
    {
        Kind = kind;
        Text = text;
        Ticks = ticks;
        Number = number;
    }

    public static SortKey Null => default;

    public SortKeyKind Kind { get; }

    /// <summary>The instant of a <see cref="SortKeyKind.Date"/> key; null for any other kind.</summary>
    public DateTimeOffset? Date => Kind == SortKeyKind.Date ? new DateTimeOffset(Ticks, TimeSpan.Zero) : null;

    internal string Text { get; } = "";

    /// <summary>UTC ticks of a <see cref="SortKeyKind.Date"/> key.</summary>
    internal long Ticks { get; }

    internal decimal Number { get; }

    public static SortKey Of(string? value) => value is null ? Null : new(SortKeyKind.Text, value, 0, 0m);

    public static SortKey Of(DateTimeOffset? value) =>
        value is { } v ? new(SortKeyKind.Date, "", v.UtcTicks, 0m) : Null;

    public static SortKey Of(decimal? value) => value is { } v ? new(SortKeyKind.Number, "", 0, v) : Null;

    public static bool operator <(SortKey left, SortKey right) => left.CompareTo(right) < 0;

    public static bool operator <=(SortKey left, SortKey right) => left.CompareTo(right) <= 0;

    public static bool operator >(SortKey left, SortKey right) => left.CompareTo(right) > 0;

    public static bool operator >=(SortKey left, SortKey right) => left.CompareTo(right) >= 0;

    public int CompareTo(SortKey other)
    {
        if (Kind != other.Kind)
        {
            return Kind.CompareTo(other.Kind);
        }

        return Kind switch
        {
            SortKeyKind.Text => CompareText(Text ?? "", other.Text ?? ""),
            SortKeyKind.Date => Ticks.CompareTo(other.Ticks),
            SortKeyKind.Number => Number.CompareTo(other.Number),
            _ => 0,
        };
    }

    private static int CompareText(string a, string b)
    {
        var folded = string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
        return folded != 0 ? folded : string.CompareOrdinal(a, b);
    }

    public override string ToString() => Kind switch
    {
        SortKeyKind.Text => Text,
        SortKeyKind.Date => new DateTimeOffset(Ticks, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture),
        SortKeyKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        _ => "null",
    };
}
