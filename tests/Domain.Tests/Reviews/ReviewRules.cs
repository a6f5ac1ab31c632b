using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Domain.Reviews.Values;
using static AccessReviewFunctions.Domain.Tests.Reviews.DecisionFactory;

namespace AccessReviewFunctions.Domain.Tests.Reviews;

/// <summary>The rules every dialect and the storage ask the domain: actions, open, gathered, auto-complete, enum text.</summary>
public sealed class ReviewRules
{
    private static readonly DateTimeOffset At = ReviewFactory.Now.AddHours(1);

    [Theory]
    [InlineData(ReviewStatus.PENDING, true, false)]
    [InlineData(ReviewStatus.ACTIVE, true, true)]
    [InlineData(ReviewStatus.CLOSED, false, true)]
    [InlineData(ReviewStatus.ERROR, false, false)]
    public void Status_OpenAndHasAccess(ReviewStatus status, bool open, bool hasAccess) =>
        Assert.Equal((open, hasAccess), (status.IsOpen(), status.HasAccess()));

    [Fact]
    public void AvailableActions_ByState()
    {
        var review = Active(2);
        Assert.Equal([ReviewAction.CLOSE_REVIEW, ReviewAction.UNIVERSAL_LOGOUT], review.AvailableActions);

        review.Decide(At, "r", Target(Item("aim1")), AccessAction.REVOKE_ACCESS);
        Assert.Equal([ReviewAction.CLOSE_REVIEW, ReviewAction.RESTORE_ALL_ACCESS, ReviewAction.UNIVERSAL_LOGOUT], review.AvailableActions);

        review.Close(At, "r", CloseReason.Manual);
        Assert.Empty(review.AvailableActions);
    }

    [Theory]
    [InlineData("SELF_DESTRUCT")]
    [InlineData("RESTORE_ALL_ACCESS")]
    [InlineData("close_review")]
    [InlineData("0")]
    [InlineData(null)]
    public void RequireAvailable_NotOffered_ListsWhatIs(string? name)
    {
        var error = Assert.Throws<DomainException>(() => Active(1).RequireAvailable(name));

        var cause = Assert.Single(error.Causes);
        Assert.Equal((Fields.ReviewAction, ViolationCode.NotAllowed), (cause.Field, cause.Code));
        Assert.EndsWith("available: CLOSE_REVIEW, UNIVERSAL_LOGOUT", cause.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireAvailable_ClosedReview_ReadOnly()
    {
        var review = Active(1);
        review.Close(At, "r", CloseReason.Manual);

        var error = Assert.Throws<DomainException>(() => review.RequireAvailable("CLOSE_REVIEW"));

        Assert.Equal((DomainErrorKind.InvalidTransition, "The review is CLOSED and read-only"), (error.Kind, error.Message));
    }

    [Fact]
    public void AutoCompleteDue_OnlyActiveWithEveryItemDecided()
    {
        var review = Active(1, autoComplete: true);
        Assert.False(review.State.AutoCompleteDue);

        Assert.True((review.State with { DecidedCount = 1 }).AutoCompleteDue);
        Assert.False((review.State with { DecidedCount = 1, AutoComplete = false }).AutoCompleteDue);
        Assert.False((review.State with { DecidedCount = 1, Status = ReviewStatus.CLOSED }).AutoCompleteDue);
    }

    [Theory]
    [InlineData("REVOKE_ACCESS", true)]
    [InlineData("RESTORE_ACCESS", true)]
    [InlineData("revoke_access", false)]
    [InlineData("0", false)]
    [InlineData("1", false)]
    [InlineData("+1", false)]
    [InlineData("REVOKE_ACCESS, RESTORE_ACCESS", false)]
    [InlineData(" REVOKE_ACCESS", false)]
    [InlineData("", false)]
    public void EnumText_OnlyExactNames(string text, bool accepted)
    {
        Assert.Equal(accepted, EnumText.TryParse<AccessAction>(text, out _));
        if (!accepted)
        {
            var cause = Assert.Single(Assert.Throws<DomainException>(() => EnumText.Parse<AccessAction>(text, Fields.Decision)).Causes);
            Assert.Equal("decision: must be REVOKE_ACCESS, RESTORE_ACCESS, FLAG_FOR_MANUAL_REMEDIATION or FLAG_FOR_MANUAL_RESTORATION", cause.ToString());
        }
    }

    [Fact]
    public void Update_ReviewerTypeNotUser_Rejected()
    {
        var error = Assert.Throws<DomainException>(() => Active(1).Update(At, "a", new ReviewPatch(ReviewerType: "GROUP"), ReviewFactory.Known));

        Assert.Equal(new Violation(Fields.ReviewerType, ViolationCode.NotAllowed, "must be USER"), Assert.Single(error.Causes));
    }

    [Fact]
    public void Values_ValidateOnConstruction()
    {
        var problems = new List<Violation>();

        Assert.Equal("Quarterly", ReviewName.From("  Quarterly ", problems)!.Value);
        Assert.Null(ReviewName.From(new string('n', 256), problems));
        Assert.Null(ExpirationNote.From("   ", problems));
        Assert.Null(UserId.From("00u\u0000x", Fields.Principal, problems));
        Assert.Equal("00uabc", UserId.From("00uabc", Fields.Principal, problems)!.Value);
        Assert.Equal(
            [(Fields.Name, ViolationCode.TooLong), (Fields.Principal, ViolationCode.Malformed)],
            problems.Select(p => (p.Field, p.Code)));
        Assert.Equal((Fields.Comment, ViolationCode.Required), Assert.Single(Assert.Throws<DomainException>(() => CommentText.From(" ")).Causes) is var c ? (c.Field, c.Code) : default);
    }
}
