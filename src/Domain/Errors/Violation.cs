namespace AccessReviewFunctions.Domain.Errors;

/// <summary>What kind of rule an input broke; stable across dialects, which word their messages as they like.</summary>
public enum ViolationCode
{
    Required,
    Unknown,
    TooLong,
    TooMany,
    OutOfRange,
    NotAllowed,
    Malformed,
    LimitReached,
    InvalidState,
}

/// <summary>
/// One broken rule: the input it is about (the domain's name for it, <see cref="Fields"/>, which each dialect maps to
/// its own path), its code, and a sentence about it in no dialect's words. An empty field is about the whole request.
/// </summary>
public sealed record Violation(string Field, ViolationCode Code, string Detail)
{
    public override string ToString() => Field.Length == 0 ? Detail : $"{Field}: {Detail}";
}

/// <summary>The domain's names of the inputs its rules check.</summary>
public static class Fields
{
    public const string Request = "";
    public const string Body = "body";
    public const string Principal = "principal";
    public const string Name = "name";
    public const string ReviewerType = "reviewerType";
    public const string Reviewers = "reviewers";
    public const string EndTime = "endTime";
    public const string ExpirationBehavior = "expirationBehavior";
    public const string ExpirationNote = "expirationNote";
    public const string Comment = "comment";
    public const string Decision = "decision";
    public const string RemediationStatus = "status";
    public const string RemediationInfo = "info";
    public const string ReviewAction = "reviewAction";
    public const string Filter = "filter";
    public const string OrderBy = "orderBy";
    public const string Limit = "limit";
    public const string After = "after";
}
