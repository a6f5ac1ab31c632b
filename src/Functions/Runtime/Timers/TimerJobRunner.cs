using System.Diagnostics.CodeAnalysis;
namespace AccessReviewFunctions.Functions.Runtime.Timers;

/// <summary>Runs a timer job once, as a singleton through its blob lease; used by the schedule and by admins/tests.</summary>
internal sealed partial class TimerJobRunner(IEnumerable<ITimerJob> jobs, SingletonLock lease, ILogger<TimerJobRunner> logger)
{
    private readonly Dictionary<string, ITimerJob> byName = jobs.ToDictionary(j => j.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<ITimerJob> Jobs => byName.Values;

    /// <summary>True when the job ran (successfully or not); false when another instance holds its lease.</summary>
    public Task<bool> RunNowAsync(string name, CancellationToken cancellationToken) =>
        byName.TryGetValue(name, out var job)
            ? RunAsync(job, cancellationToken)
            : throw new ArgumentException($"No timer job named '{name}'.", nameof(name));

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A failed timer job is logged and runs again on its next tick: the trigger must outlive its jobs.")]
    internal async Task<bool> RunAsync(ITimerJob job, CancellationToken cancellationToken)
    {
        await using var held = await lease.TryAcquireAsync(job.Name, cancellationToken);
        if (held is null)
        {
            LogSkipped(job.Name);
            return false;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, held.Lost);
        try
        {
            await job.RunAsync(linked.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogFailed(e, job.Name);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer job {Job} skipped: another instance holds its lease")]
    private partial void LogSkipped(string job);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer job {Job} failed")]
    private partial void LogFailed(Exception exception, string job);
}
