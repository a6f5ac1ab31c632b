using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Runtime;

/// <summary>
/// Runs every timer job on its schedule (AzureFunctionsJobHost:timers:&lt;Name&gt;, default 1 min), on the host's clock.
/// Due times are anchored at start, so a clock moved before the wait began still fires it; a tick that comes due
/// while the job runs fires once as soon as it ends.
/// </summary>
internal sealed partial class TimerTriggerService(
    TimerJobRunner runner,
    IConfiguration configuration,
    TimeProvider clock,
    IOptions<RuntimeOptions> runtimeOptions,
    ILogger<TimerTriggerService> logger) : BackgroundService
{
    public const string Section = "AzureFunctionsJobHost:timers";
    public static readonly TimeSpan DefaultSchedule = TimeSpan.FromMinutes(1);
    private readonly List<(ITimerJob Job, TimeSpan Schedule, DateTimeOffset FirstDue)> plans = [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var job in runner.Jobs)
        {
            var schedule = configuration.GetValue($"{Section}:{job.Name}", DefaultSchedule);
            if (schedule <= TimeSpan.Zero)
            {
                throw new InvalidOperationException($"Timer schedule for '{job.Name}' must be positive.");
            }

            plans.Add((job, schedule, now + schedule));
        }

        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        runtimeOptions.Value.Listeners
            ? Task.WhenAll(plans.Select(p => RunScheduleAsync(p.Job, p.Schedule, p.FirstDue, stoppingToken)))
            : Task.CompletedTask;

    private async Task RunScheduleAsync(ITimerJob job, TimeSpan schedule, DateTimeOffset due, CancellationToken stoppingToken)
    {
        LogScheduled(job.Name, schedule);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = due - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }

                var firedAt = clock.GetUtcNow();
                try
                {
                    await runner.RunAsync(job, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogTickFailed(e, job.Name);
                }

                // The next tick is one schedule after this one fired. A tick that came due while the job ran runs
                // once right after it, never once per missed tick: Azure Functions' past-due behaviour.
                due = firedAt + schedule;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer job {Job} scheduled every {Schedule}")]
    private partial void LogScheduled(string job, TimeSpan schedule);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer job {Job} tick failed; next tick as scheduled")]
    private partial void LogTickFailed(Exception exception, string job);
}
