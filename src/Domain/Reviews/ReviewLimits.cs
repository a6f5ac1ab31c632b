namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>The limits on a security access review (the same as Okta's, whose reviews this models).</summary>
public static class ReviewLimits
{
    public const int MaxReviewers = 10;
    public const int MaxNameLength = 255;
    public const int MaxCommentLength = 2000;

    /// <summary>
    /// The most item rows one step writes together with the header (storage writes at most 100 rows atomically, and
    /// the header, history, audit and outbox rows share them). A larger change waits on the header as a pending
    /// decision and is applied in steps of this size.
    /// </summary>
    public const int MaxRowsPerStep = 80;
}
