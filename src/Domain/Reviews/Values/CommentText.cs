using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Domain.Reviews.Values;

/// <summary>A comment on a review: trimmed, 1 to <see cref="ReviewLimits.MaxCommentLength"/> characters.</summary>
public sealed record CommentText
{
    private CommentText(string value) => Value = value;

    public string Value { get; }

    /// <summary>The comment, or a Validation <see cref="DomainException"/>.</summary>
    public static CommentText From(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        return trimmed.Length is > 0 and <= ReviewLimits.MaxCommentLength
            ? new CommentText(trimmed)
            : throw DomainException.Validation(Fields.Comment, trimmed.Length == 0 ? ViolationCode.Required : ViolationCode.TooLong, $"must be 1 to {ReviewLimits.MaxCommentLength} characters");
    }

    public override string ToString() => Value;
}
