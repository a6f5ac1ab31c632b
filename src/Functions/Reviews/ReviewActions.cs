using AccessReviewFunctions.Domain.Reviews;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>Okta's review-level action types and which of them the review's state allows now.</summary>
public static class ReviewActions
{
    public const string CloseReview = "CLOSE_REVIEW";

    public static IReadOnlyList<string> Available(SecurityAccessReview review) =>
        review.Status == ReviewStatus.ACTIVE ? [CloseReview] : [];
}
