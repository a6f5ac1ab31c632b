using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>
/// Whose reviews a route shows: the admin routes every review, the "my" routes only those where the caller is a
/// reviewer. A review outside the scope is reported as not found, never as forbidden.
/// </summary>
public sealed record ReviewScope(string CallerId, bool AllReviews)
{
    public static ReviewScope Admin(string callerId) => new(callerId, true);

    public static ReviewScope Mine(string callerId) => new(callerId, false);

    public bool Sees(ReviewSnapshot review) => AllReviews || review.ReviewerIds.Contains(CallerId, StringComparer.Ordinal);

    public SecurityAccessReview Require(SecurityAccessReview? review, string reviewId) =>
        review is not null && Sees(review.State) ? review : throw DomainException.NotFound($"{reviewId} (SecurityAccessReview)");
}
