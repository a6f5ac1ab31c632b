namespace AccessReviewFunctions.Functions.Storage.Reviews;

/// <summary>The review tables, by logical name.</summary>
internal static class ReviewTables
{
    /// <summary>One partition per review: header, items, history, audit, outbox, processed ids.</summary>
    public const string Reviews = "reviews";

    /// <summary>PK reviewer, RK review: the hint behind the "my" list.</summary>
    public const string ByReviewer = "reviewsbyreviewer";

    /// <summary>PK principal, RK resource:review: decisions of closed reviews.</summary>
    public const string DecisionLog = "decisionlog";

    /// <summary>PK bucket of the access item or sub-access item id, RK that id: the review holding it (<c>ReviewId</c>), written when the snapshot is gathered.</summary>
    public const string ItemReviews = "itemreviews";

    /// <summary>PK principal, RK "open": the reviews a principal opened, under an ETag.</summary>
    public const string PrincipalClaims = "principalclaims";

    /// <summary>One row: how far the end-timer job has armed the timers of open reviews.</summary>
    public const string Timers = "reviewtimers";
}
