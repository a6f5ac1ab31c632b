namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>Okta's limits on a security access review.</summary>
public static class ReviewLimits
{
    public const int MaxReviewers = 10;
    public const int MaxNameLength = 255;
    public const int MaxCommentLength = 2000;
}
