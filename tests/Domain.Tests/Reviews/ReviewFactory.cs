using AccessReviewFunctions.Domain.Reviews;

namespace AccessReviewFunctions.Domain.Tests.Reviews;

internal static class ReviewFactory
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly KnownUsers Known = new(new HashSet<string> { "00utarget", "00ureviewer1", "00ureviewer2" });

    public static NewReview Request(
        string? principal = "00utarget", string? name = "Risk review", string? type = "USER",
        IReadOnlyList<string>? reviewers = null, DateTimeOffset? endTime = null) =>
        new(principal, name, type, reviewers ?? ["00ureviewer1"], endTime);

    public static SecurityAccessReview Pending() =>
        SecurityAccessReview.Open("sar1", Request(), Known, "00uadmin", Now, ReviewSettings.Default).Review;

    public static SecurityAccessReview Active()
    {
        var review = Pending();
        review.Activate(Now.AddSeconds(1), 3);
        return review;
    }

    public static SecurityAccessReview Closed()
    {
        var review = Active();
        review.Close(Now.AddMinutes(1), "00ureviewer1", CloseReason.Manual);
        return review;
    }

    public static SecurityAccessReview Failed()
    {
        var review = Pending();
        review.Fail(Now.AddSeconds(1), "inventory unavailable");
        return review;
    }
}
