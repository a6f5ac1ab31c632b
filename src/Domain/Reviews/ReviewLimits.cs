namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>The limits on a security access review (the same as Okta's, whose reviews this models).</summary>
public static class ReviewLimits
{
    public const int MaxReviewers = 10;
    /// <summary>Okta's review takes 255 on create, but its list shows at most 200: the stricter one, so every list stays valid.</summary>
    public const int MaxNameLength = 200;
    public const int MaxCommentLength = 1000;

    /// <summary>The longest history line; a longer description (a long comment, many reviewers) is cut with an ellipsis.</summary>
    public const int MaxHistoryMessageLength = 1000;

    /// <summary>The longest summary stored on a review.</summary>
    public const int MaxSummaryLength = 1000;

    /// <summary>
    /// The most item rows one step writes together with the header (storage writes at most 100 rows atomically, and
    /// the header, history, audit and outbox rows share them). A larger change waits on the header as a pending
    /// decision and is applied in steps of this size.
    /// </summary>
    public const int MaxRowsPerStep = 80;
}
