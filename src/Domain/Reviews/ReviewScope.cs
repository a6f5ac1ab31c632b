using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>
/// Whose reviews a caller sees: an administrator every review, anyone else only those where they are a reviewer. A
/// review outside the scope is reported as not found, never as forbidden, so its existence doesn't leak.
/// </summary>
public sealed record ReviewScope(string CallerId, bool AllReviews)
{
    /// <summary>Where the caller's request came from: recorded on the System Log events their changes cause.</summary>
    public RequestOrigin? Origin { get; init; }

    public static ReviewScope Admin(string callerId) => new(callerId, true);

    public static ReviewScope Mine(string callerId) => new(callerId, false);

    public bool Sees(ReviewSnapshot review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return AllReviews || review.ReviewerIds.Contains(CallerId, StringComparer.Ordinal);
    }

    public SecurityAccessReview Require(SecurityAccessReview? review, string reviewId) =>
        review is not null && Sees(review.State) ? review : throw DomainException.NotFound($"{reviewId} (SecurityAccessReview)");
}
