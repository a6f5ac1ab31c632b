using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews;
using static AccessReviewFunctions.Domain.Tests.Reviews.ReviewFactory;

namespace AccessReviewFunctions.Domain.Tests.Reviews;

public sealed class ReviewOpen
{
    [Fact]
    public void Open_ValidRequest_IsPendingWithDefaultEndTimeAndCreatedEvent()
    {
        var (review, created) = SecurityAccessReview.Open("sar1", Request(), Known, "00uadmin", Now, ReviewSettings.Default);

        Assert.Equal(ReviewStatus.PENDING, review.Status);
        Assert.Equal(Now.AddDays(7), review.State.EndTime);
        Assert.Equal("created Risk review", created.Describe());
        Assert.False(created.SystemGenerated);
    }

    [Theory]
    [InlineData(null, "principal: is required")]
    [InlineData("00unknown", "principal: unknown user 00unknown")]
    public void Open_BadPrincipal_Rejected(string? principal, string cause) =>
        AssertRejected(Request(principal: principal), cause);

    [Fact]
    public void Open_PrincipalAmongReviewers_Rejected() =>
        AssertRejected(Request(reviewers: ["00utarget"]), "reviewers: the target principal can't be one of the reviewers");

    [Fact]
    public void Open_NoReviewers_Rejected() =>
        AssertRejected(Request(reviewers: []), "reviewers: at least one reviewer is required");

    [Fact]
    public void Open_ElevenReviewers_Rejected()
    {
        var many = Enumerable.Range(0, 11).Select(i => $"00ur{i}").ToList();
        var known = new KnownUsers(new HashSet<string>(many) { "00utarget" });

        var error = Assert.Throws<DomainException>(() => SecurityAccessReview.Open("sar1", Request(reviewers: many), known, "a", Now, ReviewSettings.Default));

        Assert.Contains(new Violation(Fields.Reviewers, ViolationCode.TooMany, "at most 10 reviewers are allowed, got 11"), error.Causes);
    }

    [Fact]
    public void Open_UnknownReviewer_Rejected() =>
        AssertRejected(Request(reviewers: ["00ureviewer1", "00ughost"]), "reviewers: unknown user 00ughost");

    [Fact]
    public void Open_EndTimeInPast_Rejected() =>
        AssertRejected(Request(endTime: Now.AddMinutes(-1)), "endTime: must be in the future");

    [Fact]
    public void Open_WrongReviewerType_Rejected() =>
        AssertRejected(Request(type: "GROUP"), "reviewerType: must be USER");

    [Fact]
    public void Open_MissingName_Rejected() =>
        AssertRejected(Request(name: " "), "name: is required");

    [Fact]
    public void Open_SeveralProblems_ReportsEach()
    {
        var error = Assert.Throws<DomainException>(() =>
            SecurityAccessReview.Open("sar1", Request(name: null, reviewers: [], endTime: Now), Known, "a", Now, ReviewSettings.Default));

        Assert.Equal(DomainErrorKind.Validation, error.Kind);
        Assert.Equal(3, error.Causes.Count);
    }

    private static void AssertRejected(NewReview request, string cause)
    {
        var error = Assert.Throws<DomainException>(() => SecurityAccessReview.Open("sar1", request, Known, "00uadmin", Now, ReviewSettings.Default));
        Assert.Equal(DomainErrorKind.Validation, error.Kind);
        Assert.Contains(cause, error.Causes.Select(c => c.ToString()));
    }
}
