using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;

namespace AccessReviewFunctions.Functions.Tests.Reviews.Steps;

/// <summary>Reviews built through the domain's own transitions, and their rows, for the steps to decide on.</summary>
internal static class StepFactory
{
    public const string Id = "sar1";
    public const string Reviewer = "00ureviewer1";
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The default end time: seven days after creation.</summary>
    public static readonly DateTimeOffset End = Now.AddDays(7);

    public static readonly KnownUsers Known = new(new HashSet<string> { "00utarget", Reviewer, "00ureviewer2" });

    public static SecurityAccessReview Pending(ExpirationBehavior expiry = ExpirationBehavior.DO_NOTHING, string? note = null, bool autoComplete = false)
    {
        var request = new NewReview("00utarget", "Risk review", "USER", [Reviewer], null, expiry, note, autoComplete);
        return SecurityAccessReview.Open(Id, request, Known, "00uadmin", Now, ReviewSettings.Default).Review;
    }

    public static SecurityAccessReview Active(int items = 3, ExpirationBehavior expiry = ExpirationBehavior.DO_NOTHING, string? note = null, bool autoComplete = false)
    {
        var review = Pending(expiry, note, autoComplete);
        review.Activate(Now.AddMinutes(1), items);
        return review;
    }

    public static SecurityAccessReview Closed()
    {
        var review = Active();
        review.Close(Now.AddHours(1), Reviewer, CloseReason.Manual);
        return review;
    }

    public static SecurityAccessReview Failed()
    {
        var review = Pending();
        review.Fail(Now.AddMinutes(1), "inventory offline");
        return review;
    }

    public static AccessItem Item(string id, ItemDecision? decision = null) =>
        new(id, "0oa" + id, id, id.ToUpperInvariant(), Now, "INDIVIDUAL", 1, null, [], ["GROUP"], [], null, decision);

    public static SubAccessItem Sub(string itemId, string id, ItemDecision? decision = null) =>
        new(id, itemId, "00g" + id, id, "GROUP", null, null, null, decision);

    /// <summary>An access item with <paramref name="count"/> sub-items: more than one step writes when over 79.</summary>
    public static DecisionTarget Big(string itemId, int count) =>
        new(Item(itemId), [.. Enumerable.Range(1, count).Select(i => Sub(itemId, $"{itemId}-sai{i:D3}"))]);

    /// <summary>The stored rows after <paramref name="written"/> is written over them.</summary>
    public static AccessRows Write(AccessRows stored, AccessRows written) => new(
        [.. stored.Items.Select(i => written.Items.FirstOrDefault(w => w.Id == i.Id) ?? i)],
        [.. stored.SubItems.Select(s => written.SubItems.FirstOrDefault(w => w.Id == s.Id) ?? s)]);
}
