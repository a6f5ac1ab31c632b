using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Domain.Reviews.Values;

/// <summary>A user's id as given: not blank, at most <see cref="MaxLength"/> characters, no control characters.</summary>
public sealed record UserId
{
    public const int MaxLength = 100;

    private UserId(string value) => Value = value;

    public string Value { get; }

    /// <summary>The id, or null with the broken rule, about <paramref name="field"/>, added to <paramref name="problems"/>.</summary>
    public static UserId? From(string? text, string field, ICollection<Violation> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Violation? problem = string.IsNullOrWhiteSpace(text) ? new(field, ViolationCode.Required, "is required")
            : text.Length > MaxLength || !PlainText.IsPlain(text) ? new(field, ViolationCode.Malformed, $"not a user id: at most {MaxLength} printable characters")
            : null;
        return Check.Passed(problem, problems) ? new UserId(text!) : null;
    }

    public override string ToString() => Value;
}
