using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;

namespace AccessReviewFunctions.Domain.Tests.Reviews;

internal static class DecisionFactory
{
    public static AccessItem Item(string id, ItemDecision? decision = null) =>
        new(id, "0oa" + id, id, id.ToUpperInvariant(), ReviewFactory.Now, "INDIVIDUAL", 1, null, [], ["GROUP"], [], null, decision);

    public static SubAccessItem Sub(string itemId, string id, ItemDecision? decision = null) =>
        new(id, itemId, "00g" + id, id, "GROUP", null, null, null, decision);

    public static SecurityAccessReview Active(int items, bool autoComplete = false, ExpirationBehavior expiry = ExpirationBehavior.DO_NOTHING, string? note = null)
    {
        var request = ReviewFactory.Request() with { AutoComplete = autoComplete, ExpirationBehavior = expiry, ExpirationNote = note };
        var review = SecurityAccessReview.Open("sar1", request, ReviewFactory.Known, "00uadmin", ReviewFactory.Now, ReviewSettings.Default).Review;
        review.Activate(ReviewFactory.Now, items);
        return review;
    }

    public static DecisionTarget Target(AccessItem item, params SubAccessItem[] subs) => new(item, subs);
}
