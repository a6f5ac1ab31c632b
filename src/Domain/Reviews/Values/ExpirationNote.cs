using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Domain.Reviews.Values;

/// <summary>The note automatic rejections carry: trimmed, at most <see cref="ReviewLimits.MaxCommentLength"/> characters, <see cref="PlainText"/>; blank means none.</summary>
public sealed record ExpirationNote
{
    private ExpirationNote(string value) => Value = value;

    public string Value { get; }

    /// <summary>The note; null when blank, or with the broken rule added to <paramref name="problems"/>.</summary>
    public static ExpirationNote? From(string? text, ICollection<Violation> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var trimmed = text?.Trim() ?? string.Empty;
        if (text is { Length: > ReviewLimits.MaxCommentLength })
        {
            problems.Add(new(Fields.ExpirationNote, ViolationCode.TooLong, $"must be at most {ReviewLimits.MaxCommentLength} characters"));
            return null;
        }

        if (!PlainText.IsPlain(trimmed))
        {
            problems.Add(PlainText.Violation(Fields.ExpirationNote));
            return null;
        }

        return trimmed.Length == 0 ? null : new ExpirationNote(trimmed);
    }

    public override string ToString() => Value;
}
