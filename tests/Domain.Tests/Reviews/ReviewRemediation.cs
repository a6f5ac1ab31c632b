using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using static AccessReviewFunctions.Domain.Tests.Reviews.DecisionFactory;

namespace AccessReviewFunctions.Domain.Tests.Reviews;

public sealed class ReviewRemediation
{
    private static readonly DateTimeOffset At = ReviewFactory.Now.AddHours(1);
    private static readonly RetrySettings Retry = new(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

    [Fact]
    public void Decide_RevokeItem_OneRevokeOfTheAppAndNothingForTheCascadedSubItems()
    {
        var review = Active(1);

        var rows = review.Decide(At, "00ureviewer1", Target(Item("aim1"), Sub("aim1", "sai1")), AccessAction.REVOKE_ACCESS).Rows;

        Assert.Equal((RemediationKind.REVOKE, RemediationStatus.PENDING, review.State.Revision), (rows.Items[0].Remediation!.Kind, rows.Items[0].Remediation!.Status, rows.Items[0].Remediation!.Generation));
        Assert.Null(rows.SubItems[0].Remediation);
        Assert.Equal(new RemediationCounts(Pending: 1), review.State.Remediation);
    }

    [Fact]
    public void Decide_RestoreOfNeverRemediatedItem_NeedsNothingDownstream()
    {
        var review = Active(1);
        var revoked = Item("aim1", new ItemDecision(AccessAction.REVOKE_ACCESS, "00ureviewer1", At));

        var rows = review.Decide(At, "00ureviewer1", Target(revoked), AccessAction.RESTORE_ACCESS).Rows;

        Assert.Null(rows.Items[0].Remediation);
    }

    [Fact]
    public void Decide_FlagForManualRemediation_ManualRevokeNothingToDispatch()
    {
        var review = Active(1);

        var rows = review.Decide(At, "00ureviewer1", Target(Item("aim1")), AccessAction.FLAG_FOR_MANUAL_REMEDIATION).Rows;

        var planned = rows.Items[0].Remediation!;
        Assert.Equal((RemediationKind.REVOKE, RemediationStatus.PENDING, true), (planned.Kind, planned.Status, planned.Manual));
        Assert.False(planned.ReadyToDispatch(rows.Items[0].Revision));
    }

    [Fact]
    public void RecordLogout_TransientThenSucceeded_RetriesThenOneTerminalEventAndLaterOutcomesChangeNothing()
    {
        var review = Active(1);
        review.RequestUniversalLogout(At, "00ureviewer1");
        var generation = review.State.Logout!.Generation;

        var (none, delay) = review.RecordLogout(generation, RemediationOutcome.Transient("503"), Retry, 0, At);
        var (events, after) = review.RecordLogout(generation, RemediationOutcome.Succeeded("deactivated"), Retry, 0, At.AddSeconds(1));

        Assert.Equal(([], TimeSpan.FromMilliseconds(500)), (none, delay));
        Assert.Null(after);
        Assert.EndsWith("succeeded: deactivated", Assert.Single(events).Describe(), StringComparison.Ordinal);
        Assert.Equal((RemediationKind.LOGOUT, RemediationStatus.SUCCEEDED, 2), (review.State.Logout!.Kind, review.State.Logout.Status, review.State.Logout.Attempts));
        Assert.Equal(new RemediationCounts(Succeeded: 1, SettledAt: At.AddSeconds(1)), review.State.Remediation);
        Assert.Empty(review.RecordLogout(generation, RemediationOutcome.Permanent("late"), Retry, 0, At.AddSeconds(2)).Events);
    }

    [Fact]
    public void RecordRemediation_TransientThenExhausted_RetriesWithBackoffThenFailsWithAnEvent()
    {
        var review = Active(1);
        var rows = review.Decide(At, "00ureviewer1", Target(Item("aim1")), AccessAction.REVOKE_ACCESS).Rows;
        var target = new RemediationTarget("aim1", null, rows.Items[0].Remediation!.Generation);

        var first = review.RecordRemediation(rows, [new(target, RemediationOutcome.Transient("503", TimeSpan.FromSeconds(30)))], Retry, 0, At);
        var second = review.RecordRemediation(first.Rows, [new(target, RemediationOutcome.Transient("503"))], Retry, 0, At);
        var third = review.RecordRemediation(second.Rows, [new(target, RemediationOutcome.Transient("504"))], Retry, 0, At);

        Assert.Equal([target], first.Retry);
        Assert.Equal(TimeSpan.FromSeconds(30), first.RetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(1), second.RetryDelay);
        Assert.Equal((RemediationStatus.IN_PROGRESS, 2), (second.Rows.Items[0].Remediation!.Status, second.Rows.Items[0].Remediation!.Attempts));
        Assert.Empty(third.Retry);
        Assert.Equal((RemediationStatus.FAILED, 3, "504"), (third.Rows.Items[0].Remediation!.Status, third.Rows.Items[0].Remediation!.Attempts, third.Rows.Items[0].Remediation!.LastError));
        var failed = Assert.IsType<AccessRemediated>(Assert.Single(third.Events));
        Assert.Equal((false, "504"), (failed.Succeeded, failed.Reason));
        Assert.Equal(new RemediationCounts(Failed: 1, SettledAt: At), review.State.Remediation);
    }

    [Fact]
    public void RecordRemediation_SameOutcomeTwice_SecondChangesNothing()
    {
        var review = Active(1);
        var rows = review.Decide(At, "00ureviewer1", Target(Item("aim1")), AccessAction.REVOKE_ACCESS).Rows;
        var target = new RemediationTarget("aim1", null, rows.Items[0].Remediation!.Generation);
        var done = review.RecordRemediation(rows, [new(target, RemediationOutcome.Succeeded("removed"))], Retry, 0, At);
        var revision = review.State.Revision;

        var again = review.RecordRemediation(done.Rows, [new(target, RemediationOutcome.Succeeded("removed"))], Retry, 0, At);

        Assert.Equal((0, 0), (again.Rows.Count, again.Events.Count));
        Assert.Equal(revision, review.State.Revision);
    }

    [Fact]
    public void RecordRemediation_RevokeSupersededByRestoreAfterItRemoved_TheRestoreGetsWhatItRemoved()
    {
        var review = Active(1);
        var revoked = review.Decide(At, "00ureviewer1", Target(Item("aim1")), AccessAction.REVOKE_ACCESS).Rows;
        var revoke = new RemediationTarget("aim1", null, revoked.Items[0].Remediation!.Generation);
        var restored = review.Decide(At, "00ureviewer1", Target(revoked.Items[0]), AccessAction.RESTORE_ACCESS).Rows;
        var restore = new RemediationTarget("aim1", null, restored.Items[0].Remediation!.Generation);
        var nothing = review.RecordRemediation(restored, [new(restore, RemediationOutcome.Succeeded("nothing to restore"))], Retry, 0, At);
        var removed = new RemovedAccess("0oaaim1", true, "INDIVIDUAL", At, [], [], []);

        var late = review.RecordRemediation(nothing.Rows, [new(revoke, RemediationOutcome.Succeeded("removed", removed))], Retry, 0, At);

        var remediation = late.Rows.Items[0].Remediation!;
        Assert.Equal((RemediationKind.RESTORE, RemediationStatus.PENDING, 0), (remediation.Kind, remediation.Status, remediation.Attempts));
        Assert.Equal([removed with { Sequence = review.State.Revision + 1 }], remediation.RemovedAccess);
        Assert.True(remediation.ReadyToDispatch(late.Rows.Items[0].Revision));
    }

    [Theory]
    [InlineData(200, OutcomeKind.Succeeded)]
    [InlineData(202, OutcomeKind.Succeeded)]
    [InlineData(408, OutcomeKind.Transient)]
    [InlineData(429, OutcomeKind.Transient)]
    [InlineData(500, OutcomeKind.Transient)]
    [InlineData(503, OutcomeKind.Transient)]
    [InlineData(400, OutcomeKind.Permanent)]
    [InlineData(403, OutcomeKind.Permanent)]
    [InlineData(404, OutcomeKind.Permanent)]
    public void Classify_HttpStatus_TransientOrPermanent(int status, OutcomeKind expected) =>
        Assert.Equal(expected, RemediationOutcome.Classify(status));

    [Fact]
    public void DelayAfter_Attempts_DoublesWithJitterUpToTheCap()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(500), Retry.DelayAfter(1, null, 0));
        Assert.Equal(TimeSpan.FromSeconds(2), Retry.DelayAfter(2, null, 0.999999).RoundTo());
        Assert.Equal(TimeSpan.FromSeconds(10), Retry.DelayAfter(9, null, 0.999999).RoundTo());
        Assert.Equal(TimeSpan.FromMinutes(1), Retry.DelayAfter(1, TimeSpan.FromMinutes(1), 0.5));
    }

    [Fact]
    public void RemediationReport_InfoOver255Bytes_Rejected() =>
        Assert.Throws<Errors.DomainException>(() => RemediationReport.From("SUCCEED", new string('é', 128)));
}

internal static class TimeSpanRounding
{
    public static TimeSpan RoundTo(this TimeSpan value) => TimeSpan.FromMilliseconds(Math.Round(value.TotalMilliseconds));
}
