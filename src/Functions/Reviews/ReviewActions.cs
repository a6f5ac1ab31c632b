using AccessReviewFunctions.Domain.Reviews;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>Okta's review-level action types and which of them the review's state allows now.</summary>
public static class ReviewActions
{
    public const string CloseReview = "CLOSE_REVIEW";
    public const string RestoreAllAccess = "RESTORE_ALL_ACCESS";
    public const string UniversalLogout = "UNIVERSAL_LOGOUT";

    public static IReadOnlyList<string> Available(SecurityAccessReview review) => review.Status != ReviewStatus.ACTIVE
        ? []
        : review.State.RevokedCount > 0 ? [CloseReview, RestoreAllAccess, UniversalLogout] : [CloseReview, UniversalLogout];
}
