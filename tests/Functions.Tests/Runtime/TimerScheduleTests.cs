using AccessReviewFunctions.Functions.Runtime.Timers;
using System.Globalization;

namespace AccessReviewFunctions.Functions.Tests.Runtime;

public sealed class TimerScheduleTests
{
    [Theory]
    [InlineData("00:01:00", "2026-01-05T09:00:30Z", "2026-01-05T09:01:30Z")]
    [InlineData("01:00:00", "2026-01-05T23:30:00Z", "2026-01-06T00:30:00Z")]
    [InlineData("1.00:00:00", "2026-12-31T12:00:00Z", "2027-01-01T12:00:00Z")]
    public void Next_TimeSpan_IsOneIntervalAfter(string schedule, string after, string expected)
    {
        Assert.Equal(At(expected), TimerSchedule.Parse(schedule).Next(At(after)));
    }

    [Theory]
    [InlineData("0 */1 * * * *", "2026-01-05T09:00:00Z", "2026-01-05T09:01:00Z")]
    [InlineData("0 */1 * * * *", "2026-01-05T09:00:59.999Z", "2026-01-05T09:01:00Z")]
    [InlineData("0 */1 * * * *", "2026-01-05T09:59:30Z", "2026-01-05T10:00:00Z")]
    [InlineData("0 */1 * * * *", "2026-01-31T23:59:00Z", "2026-02-01T00:00:00Z")]
    [InlineData("*/30 * * * * *", "2026-01-05T09:00:00Z", "2026-01-05T09:00:30Z")]
    [InlineData("*/30 * * * * *", "2026-01-05T09:59:45Z", "2026-01-05T10:00:00Z")]
    [InlineData("0 0 * * * *", "2026-01-05T09:00:00Z", "2026-01-05T10:00:00Z")]
    [InlineData("0 0 * * * *", "2026-01-05T23:00:00.001Z", "2026-01-06T00:00:00Z")]
    [InlineData("0 30 9 * * MON-FRI", "2026-01-09T09:30:00Z", "2026-01-12T09:30:00Z")]
    [InlineData("0 0 0 1 1 *", "2026-01-05T09:00:00Z", "2027-01-01T00:00:00Z")]
    public void Next_Ncrontab_IsFirstOccurrenceStrictlyAfter(string schedule, string after, string expected)
    {
        Assert.Equal(At(expected), TimerSchedule.Parse(schedule).Next(At(after)));
    }

    [Fact]
    public void Next_NcrontabFromAnotherOffset_OccursInUtc()
    {
        var schedule = TimerSchedule.Parse("0 0 9 * * *");

        var next = schedule.Next(new DateTimeOffset(2026, 1, 5, 9, 30, 0, TimeSpan.FromHours(1)));

        Assert.Equal(At("2026-01-05T09:00:00Z"), next);
    }

    [Theory]
    [InlineData("")]
    [InlineData("every minute")]
    [InlineData("00:00:00")]
    [InlineData("-00:01:00")]
    [InlineData("0 */1 * * * * *")]
    [InlineData("60 * * * * *")]
    [InlineData("0 0 0 30 2 *")]
    public void Parse_NeitherForm_FailsQuotingValueAndBothForms(string schedule)
    {
        var e = Assert.Throws<FormatException>(() => TimerSchedule.Parse(schedule));

        Assert.Contains($"'{schedule}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("NCRONTAB", e.Message, StringComparison.Ordinal);
        Assert.Contains("TimeSpan", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FiveFieldCron_SaysSecondsFieldIsRequired()
    {
        var e = Assert.Throws<FormatException>(() => TimerSchedule.Parse("*/5 * * * *"));

        Assert.Contains("seconds field", e.Message, StringComparison.Ordinal);
    }

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);
}
