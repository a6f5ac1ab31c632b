using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Domain.Reviews.Values;

/// <summary>A review's name: trimmed, 1 to <see cref="ReviewLimits.MaxNameLength"/> characters, <see cref="PlainText"/>.</summary>
public sealed record ReviewName
{
    private ReviewName(string value) => Value = value;

    public string Value { get; }

    /// <summary>The name, or null with the broken rule added to <paramref name="problems"/>.</summary>
    public static ReviewName? From(string? text, ICollection<Violation> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var trimmed = text?.Trim() ?? string.Empty;
        Violation? problem = trimmed.Length == 0 ? new(Fields.Name, ViolationCode.Required, "is required")
            : trimmed.Length > ReviewLimits.MaxNameLength ? new(Fields.Name, ViolationCode.TooLong, $"must be at most {ReviewLimits.MaxNameLength} characters")
            : !PlainText.IsPlain(trimmed) ? PlainText.Violation(Fields.Name)
            : null;
        return Check.Passed(problem, problems) ? new ReviewName(trimmed) : null;
    }

    public override string ToString() => Value;
}
