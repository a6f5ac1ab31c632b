using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Domain.Reviews.Values;

/// <summary>A comment on a review: trimmed, 1 to <see cref="ReviewLimits.MaxCommentLength"/> characters, <see cref="PlainText"/>.</summary>
public sealed record CommentText
{
    private CommentText(string value) => Value = value;

    public string Value { get; }

    /// <summary>The comment, or a Validation <see cref="DomainException"/>.</summary>
    public static CommentText From(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > ReviewLimits.MaxCommentLength)
        {
            throw DomainException.Validation(Fields.Comment, trimmed.Length == 0 ? ViolationCode.Required : ViolationCode.TooLong, $"must be 1 to {ReviewLimits.MaxCommentLength} characters");
        }

        return PlainText.IsPlain(trimmed) ? new CommentText(trimmed) : throw DomainException.Validation([PlainText.Violation(Fields.Comment)]);
    }

    public override string ToString() => Value;
}
