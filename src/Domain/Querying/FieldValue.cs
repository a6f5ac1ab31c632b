namespace AccessReviewFunctions.Domain.Querying;

/// <summary>
/// The value(s) a row holds for one field, as handed to <see cref="Filter.Matches"/> by the caller's resolver.
/// A multi-valued field (several reviewers, several labels) matches when any of its values matches.
/// </summary>
public sealed class FieldValue
{
    private FieldValue(FieldKind kind, string?[] texts, DateTimeOffset[] dates, decimal[] numbers)
    {
        Kind = kind;
        TextValues = texts;
        DateValues = dates;
        NumberValues = numbers;
    }

    /// <summary><see cref="FieldKind.Text"/> for text (also used by enum fields), Date or Number otherwise.</summary>
    public FieldKind Kind { get; }

    internal string?[] TextValues { get; }

    internal DateTimeOffset[] DateValues { get; }

    internal decimal[] NumberValues { get; }

    /// <summary>A text or enum value; null when the row has none.</summary>
    public static FieldValue? Text(string? value) =>
        value is null ? null : new(FieldKind.Text, [value], [], []);

    /// <summary>Several text or enum values, e.g. every reviewer's name.</summary>
    public static FieldValue Texts(IEnumerable<string?> values) => new(FieldKind.Text, values.ToArray(), [], []);

    /// <summary>An instant; null when the row has none.</summary>
    public static FieldValue? Date(DateTimeOffset? value) =>
        value is { } v ? new(FieldKind.Date, [], [v], []) : null;

    /// <summary>A number; null when the row has none.</summary>
    public static FieldValue? Number(decimal? value) =>
        value is { } v ? new(FieldKind.Number, [], [], [v]) : null;
}
