using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reports;

namespace AccessReviewFunctions.Domain.Tests.Reports;

public sealed class ReportTransitions
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private static Report Running() =>
        Report.Create("rpt1", "team:acme", new ReportSubject(ReportType.USER, "00u1", "server"), "00uadmin", Now).Start(Now);

    [Fact]
    public void Checkpoint_PartsInOrder_AddsRowsAndKnowsTheTotalAfterTheLast()
    {
        var report = Running().Checkpoint(0, "rpt1/a", 5, "k5", last: false);
        Assert.Equal((5L, (long?)null, "k5"), (report.RowsWritten, report.TotalRows, report.Cursor));

        report = report.Checkpoint(1, "rpt1/b", 2, null, last: true);

        Assert.Equal((7L, (long?)7, true), (report.RowsWritten, report.TotalRows, report.AllRowsWritten));
        Assert.Equal(["rpt1/a", "rpt1/b"], report.PartNames);
    }

    [Fact]
    public void Checkpoint_PartAlreadyRecorded_IsRefused()
    {
        var report = Running().Checkpoint(0, "rpt1/a", 5, "k5", last: false);

        var error = Assert.Throws<DomainException>(() => report.Checkpoint(0, "rpt1/other", 5, "k5", last: false));

        Assert.Equal(DomainErrorKind.InvalidTransition, error.Kind);
    }

    [Fact]
    public void Complete_NoRows_IsCompletedButEmptyAndExpiresAfterTheRetention()
    {
        var report = Running().Checkpoint(0, "rpt1/a", 0, null, last: true).Complete(Now.AddMinutes(1), Retention);

        Assert.Equal((ReportStatus.COMPLETED_BUT_EMPTY, Now.AddMinutes(1).Add(Retention)), (report.Status, report.ExpiresAt));
        Assert.False(report.IsExpired(Now.AddDays(30)));
        Assert.True(report.IsExpired(Now.AddMinutes(1).Add(Retention)));
    }

    [Fact]
    public void Complete_RowsNotAllWritten_IsRefused()
    {
        var report = Running().Checkpoint(0, "rpt1/a", 5, "k5", last: false);

        Assert.Throws<DomainException>(() => report.Complete(Now, Retention));
    }

    [Fact]
    public void Fail_FinishedReport_IsRefused()
    {
        var failed = Running().Fail("boom", Now, Retention);

        Assert.Equal((ReportStatus.ERROR, "boom"), (failed.Status, failed.Error));
        Assert.Throws<DomainException>(() => failed.Fail("again", Now, Retention));
        Assert.Throws<DomainException>(() => failed.Start(Now));
    }
}
