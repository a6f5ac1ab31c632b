using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Runtime.Timers;

/// <summary>
/// Runs every timer job on its schedule (AzureFunctionsJobHost:timers:&lt;Name&gt;, an NCRONTAB expression or a TimeSpan,
/// default every minute), on the host's clock. Schedules are read at start, and an invalid one fails the start. Due
/// times are anchored at start, so a clock moved before the wait began still fires it; a tick that comes due while
/// the job runs fires once as soon as it ends.
/// </summary>
internal sealed partial class TimerTriggerService(
    TimerJobRunner runner,
    IConfiguration configuration,
    TimeProvider clock,
    RuntimeActivity activity,
    IOptions<RuntimeOptions> runtimeOptions,
    ILogger<TimerTriggerService> logger) : BackgroundService
{
    public const string Section = "AzureFunctionsJobHost:timers";
    public static readonly TimerSchedule DefaultSchedule = TimerSchedule.Every(TimeSpan.FromMinutes(1));

    // Task.Delay takes at most about 49 days; a shorter wait also re-reads a wall clock that was set meanwhile.
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    // How far the clock may move while a timer is armed: no more than Task.Delay's own rounding to whole milliseconds.
    private static readonly TimeSpan ArmingSlack = TimeSpan.FromMilliseconds(1);
    private readonly List<(ITimerJob Job, TimerSchedule Schedule, DateTimeOffset FirstDue)> plans = [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var job in runner.Jobs)
        {
            var schedule = ReadSchedule(job.Name);
            plans.Add((job, schedule, schedule.Next(now)));
        }

        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        runtimeOptions.Value.Listeners
            ? Task.WhenAll(plans.Select(p => RunScheduleAsync(p.Job, p.Schedule, p.FirstDue, stoppingToken)))
            : Task.CompletedTask;

    private TimerSchedule ReadSchedule(string job)
    {
        var key = $"{Section}:{job}";
        var text = configuration[key];
        try
        {
            return text is null ? DefaultSchedule : TimerSchedule.Parse(text);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"Timer job '{job}' has an invalid schedule in {key}: {e.Message}", e);
        }
    }

    private async Task RunScheduleAsync(ITimerJob job, TimerSchedule schedule, DateTimeOffset due, CancellationToken stoppingToken)
    {
        LogScheduled(job.Name, schedule);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                activity.TimerWaiting(job.Name, due);
                await WaitUntilAsync(due, stoppingToken);
                var firedAt = clock.GetUtcNow();
                activity.TimerRunning(job.Name);
                try
                {
                    await runner.RunAsync(job, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogTickFailed(e, job.Name);
                }

                activity.TimerRan(job.Name);

                // The next tick is the schedule's first after this one fired. A tick that came due while the job ran
                // runs once right after it, never once per missed tick: Azure Functions' past-due behaviour.
                due = schedule.Next(firedAt);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Returns once the clock reads <paramref name="due"/> or later. A timer counts whole milliseconds on a clock of its
    /// own, so it can fire a little early by this one: the clock is read again after each wait, and a tick never fires
    /// before it is due (it would be due again at once). A timer counts from the moment it is armed, so one armed after
    /// the clock moved on from the reading its wait came from (a test's clock can jump a year) is armed again.
    /// </summary>
    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken stoppingToken)
    {
        for (var now = clock.GetUtcNow(); now < due; now = clock.GetUtcNow())
        {
            using var stale = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(WaitFor(due - now), clock, stale.Token);
            if (clock.GetUtcNow() - now > ArmingSlack)
            {
                await stale.CancelAsync();
                continue;
            }

            await delay;
        }
    }

    private static TimeSpan WaitFor(TimeSpan left)
    {
        var whole = TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds));
        return whole < MaxWait ? whole : MaxWait;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer job {Job} scheduled {Schedule}")]
    private partial void LogScheduled(string job, TimerSchedule schedule);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer job {Job} tick failed; next tick as scheduled")]
    private partial void LogTickFailed(Exception exception, string job);
}
