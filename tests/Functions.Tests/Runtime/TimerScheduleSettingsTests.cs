using AccessReviewFunctions.Functions.Runtime.Timers;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AccessReviewFunctions.Functions.Tests.Runtime;

public sealed class TimerScheduleSettingsTests
{
    [Fact]
    public void SweeperSchedule_HostJson_IsEveryFifteenSecondsInNcrontab()
    {
        using var host = new ApiHost();

        var text = host.Services.GetRequiredService<IConfiguration>()[$"{TimerTriggerService.Section}:sweeper"];

        Assert.Equal("*/15 * * * * *", text);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 0, 15, TimeSpan.Zero), TimerSchedule.Parse(text!).Next(host.Clock.GetUtcNow()));
    }

    [Fact]
    public void Start_InvalidSchedule_FailsNamingJobValueAndBothForms()
    {
        using var host = new ApiHost(new Dictionary<string, string?> { [$"{TimerTriggerService.Section}:sweeper"] = "*/5 * * * *" });

        var e = Assert.Throws<InvalidOperationException>(() => host.Services);

        Assert.Contains("'sweeper'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'*/5 * * * *'", e.Message, StringComparison.Ordinal);
        Assert.Contains("NCRONTAB", e.Message, StringComparison.Ordinal);
        Assert.Contains("TimeSpan", e.Message, StringComparison.Ordinal);
    }
}
