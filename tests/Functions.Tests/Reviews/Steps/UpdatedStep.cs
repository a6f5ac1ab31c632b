using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime;
using static AccessReviewFunctions.Functions.Tests.Reviews.Steps.StepFactory;

namespace AccessReviewFunctions.Functions.Tests.Reviews.Steps;

public sealed class UpdatedStep
{
    private static readonly DateTimeOffset At = Now.AddHours(1);
    private static readonly DateTimeOffset NewEnd = End.AddDays(2);

    /// <summary>A horizon the new end time falls within.</summary>
    private static readonly EndTimerHorizon Wide = new(NewEnd - At);

    [Fact]
    public void OnUpdated_NothingChanged_Null()
    {
        var review = Active();

        var events = review.Update(At, "00uadmin", new ReviewPatch(Name: "Risk review"), Known);

        Assert.Null(ReviewSteps.OnUpdated(review, End, events, At, Wide));
    }

    [Fact]
    public void OnUpdated_EndTimeChangedWhileActive_ArmsATimerForTheNewEndTime()
    {
        var review = Active();
        var events = review.Update(At, "00uadmin", new ReviewPatch(EndTime: NewEnd), Known);

        var change = ReviewSteps.OnUpdated(review, End, events, At, Wide);

        Assert.NotNull(change);
        Assert.Same(events, change.Events);
        Assert.Equal([new OutgoingMessage(ReviewQueues.Control, new ReviewEndTimer(Id, NewEnd, 0), NewEnd)], change.Outbox);
    }

    [Fact]
    public void OnUpdated_EndTimeChangedWhilePending_ArmsATimerForTheNewEndTime()
    {
        var review = Pending();
        var events = review.Update(At, "00uadmin", new ReviewPatch(EndTime: NewEnd), Known);

        var change = ReviewSteps.OnUpdated(review, End, events, At, Wide);

        Assert.NotNull(change);
        Assert.Equal([new OutgoingMessage(ReviewQueues.Control, new ReviewEndTimer(Id, NewEnd, 0), NewEnd)], change.Outbox);
    }

    [Fact]
    public void OnUpdated_EndTimeUnchanged_NoTimer()
    {
        var review = Active();
        var events = review.Update(At, "00uadmin", new ReviewPatch(Name: "Renamed", ReviewerIds: ["00ureviewer2"]), Known);

        var change = ReviewSteps.OnUpdated(review, End, events, At, Wide);

        Assert.NotNull(change);
        Assert.Equal(["updated the review: renamed it to Renamed; changed the reviewers to 00ureviewer2"], change.Events.Select(e => e.Describe()));
        Assert.Empty(change.Outbox);
    }

    [Fact]
    public void OnUpdated_EndTimeChangedAndAutoCompleteClosesTheReview_NoTimer()
    {
        var review = Active(items: 1);
        review.Decide(At, Reviewer, new DecisionTarget(Item("aim1"), []), AccessAction.REVOKE_ACCESS);
        var events = review.Update(At, "00uadmin", new ReviewPatch(EndTime: NewEnd, AutoComplete: true), Known);

        var change = ReviewSteps.OnUpdated(review, End, events, At, Wide);

        Assert.NotNull(change);
        Assert.Equal(new ReviewClosed(Id, At, null, CloseReason.Completed), change.Events[^1]);
        Assert.Equal(ReviewStatus.CLOSED, review.Status);
        Assert.Empty(change.Outbox);
    }

    [Fact]
    public void OnUpdated_NewEndTimeBeyondTheHorizon_NoTimerUntilTheJobArmsIt()
    {
        var review = Active();
        var events = review.Update(At, "00uadmin", new ReviewPatch(EndTime: NewEnd), Known);

        var change = ReviewSteps.OnUpdated(review, End, events, At, new EndTimerHorizon(NewEnd - At - TimeSpan.FromTicks(1)));

        Assert.NotNull(change);
        Assert.Same(events, change.Events);
        Assert.Empty(change.Outbox);
    }
}
