using AccessReviewFunctions.Functions.Runtime.Timers;
using System.Collections.Concurrent;
using System.Globalization;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using AccessReviewFunctions.Functions.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AccessReviewFunctions.Functions.Tests.Runtime;

public sealed class TimerTriggerTests
{
    [Fact]
    public async Task Schedule_OneHour_RunsWhenClockAdvancedAnHourAndNotBefore()
    {
        var (host, job) = await StartAsync<CountingJob>("counting", "01:00:00");
        await using var running = host;

        host.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(new TimerActivity(0, At("10:00:00")), await ParkedAsync(host, "counting"));
        Assert.Equal(0, job.Runs);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new TimerActivity(1, At("11:00:00")), await ParkedAsync(host, "counting"));
        Assert.Equal(1, job.Runs);
    }

    [Fact]
    public async Task Schedule_JobThrows_NextTickStillRuns()
    {
        var (host, job) = await StartAsync<CountingJob>("counting", "00:10:00");
        await using var running = host;
        job.FailNext = true;

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(new TimerActivity(1, At("09:20:00")), await ParkedAsync(host, "counting"));
        host.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(new TimerActivity(2, At("09:30:00")), await ParkedAsync(host, "counting"));
        Assert.Equal(2, job.Runs);
    }

    [Fact]
    public async Task Schedule_TicksComeDueWhileRunning_RunsOnceRightAfter()
    {
        var (host, job) = await StartAsync<BlockingJob>("blocking", "00:01:00");
        await using var running = host;

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await job.Started.WaitAsync(TimeSpan.FromSeconds(20));
        host.Clock.Advance(TimeSpan.FromMinutes(11));
        job.Release();

        Assert.Equal(new TimerActivity(2, At("09:13:00")), await ParkedAsync(host, "blocking"));
        Assert.Equal(2, job.Runs);
    }

    [Fact]
    public async Task Schedule_NcrontabEveryMinute_FiresAtSecondZeroOfEachMinute()
    {
        var (host, job) = await StartAsync<CountingJob>("counting", "0 */1 * * * *");
        await using var running = host;

        host.Clock.Advance(TimeSpan.FromSeconds(59));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.WaitAsync(() => job.Runs == 1);
        host.Clock.Advance(TimeSpan.FromSeconds(90));
        await Eventually.WaitAsync(() => job.Runs == 2);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await Eventually.WaitAsync(() => job.Runs == 3);

        // 09:02:00 passed unseen and fired at 09:02:30; the next occurrence after that is 09:03:00, not a minute later.
        Assert.Equal([At("09:01:00"), At("09:02:30"), At("09:03:00")], job.FiredAt);
    }

    [Fact]
    public async Task Schedule_NcrontabTicksComeDueWhileRunning_RunsOnceRightAfterThenOnTheMinute()
    {
        var (host, job) = await StartAsync<BlockingJob>("blocking", "0 */1 * * * *");
        await using var running = host;

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await job.Started.WaitAsync(TimeSpan.FromSeconds(20));
        host.Clock.Advance(TimeSpan.FromMinutes(11));
        job.Release();
        await Eventually.WaitAsync(() => job.Runs == 2);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.WaitAsync(() => job.Runs == 3);

        Assert.Equal([At("09:01:00"), At("09:12:00"), At("09:13:00")], job.FiredAt);
    }

    [Fact]
    public async Task Schedule_NcrontabYearly_WaitsBeyondTheLongestSingleDelay()
    {
        var clock = new CountingClock(At("09:00:00"));
        await using var host = await RuntimeHost.StartAsync(
            s => s.AddTimerJob<CountingJob>().AddSingleton<TimeProvider>(clock),
            new Dictionary<string, string?> { ["AzureFunctionsJobHost:timers:counting"] = "0 0 0 1 1 *" });
        var job = (CountingJob)host.Services.GetServices<ITimerJob>().Single();

        // A timer runs a day at most: the first fires an hour before the due time, and the trigger arms another.
        await Eventually.WaitAsync(() => clock.TimersCreated == 1);
        clock.Advance(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero) - clock.GetUtcNow());
        await Eventually.WaitAsync(() => clock.TimersCreated == 2);
        Assert.Equal(0, job.Runs);
        clock.Advance(TimeSpan.FromHours(1));
        await Eventually.WaitAsync(() => job.Runs == 1);

        Assert.Equal([new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)], job.FiredAt);
    }

    [Fact]
    public async Task Schedule_TimeSpan_NextTickIsOneIntervalAfterTheLastFired()
    {
        var (host, job) = await StartAsync<CountingJob>("counting", "00:10:00");
        await using var running = host;

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(new TimerActivity(1, At("09:20:00")), await ParkedAsync(host, "counting"));
        host.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(new TimerActivity(2, At("09:35:00")), await ParkedAsync(host, "counting"));
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(new TimerActivity(3, At("09:45:00")), await ParkedAsync(host, "counting"));

        Assert.Equal([At("09:10:00"), At("09:25:00"), At("09:35:00")], job.FiredAt);
    }

    [Fact]
    public async Task Schedule_ClockMovesWhileTimerIsArmed_StillFiresWhenDue()
    {
        var clock = new ClockMovingWhileArmed(At("09:00:00"), TimeSpan.FromMinutes(59));
        await using var host = await RuntimeHost.StartAsync(
            s => s.AddTimerJob<CountingJob>().AddSingleton<TimeProvider>(clock),
            new Dictionary<string, string?> { ["AzureFunctionsJobHost:timers:counting"] = "01:00:00" });
        var job = (CountingJob)host.Services.GetServices<ITimerJob>().Single();

        await Eventually.WaitAsync(() => clock.Moved);
        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.WaitAsync(() => job.Runs == 1);

        Assert.Equal([At("10:00:00")], job.FiredAt);
    }

    [Fact]
    public async Task RunNow_NoScheduleDue_RunsJobOnce()
    {
        await using var host = await RuntimeHost.StartAsync(s => s.AddTimerJob<CountingJob>());
        var job = (CountingJob)host.Services.GetServices<ITimerJob>().Single();

        var ran = await host.Services.GetRequiredService<TimerJobRunner>().RunNowAsync("counting", CancellationToken.None);

        Assert.True(ran);
        Assert.Equal(1, job.Runs);
    }

    [Fact]
    public async Task RunNow_LeaseHeldElsewhere_DoesNotRun()
    {
        await using var host = await RuntimeHost.StartAsync(s => s.AddTimerJob<CountingJob>());
        var job = (CountingJob)host.Services.GetServices<ITimerJob>().Single();
        await using var held = await host.Services.GetRequiredService<SingletonLock>().TryAcquireAsync("counting", CancellationToken.None);

        var ran = await host.Services.GetRequiredService<TimerJobRunner>().RunNowAsync("counting", CancellationToken.None);

        Assert.False(ran);
        Assert.Equal(0, job.Runs);
    }

    /// <summary>The job's trigger once it waits for a time the clock has not reached: until the clock moves, nothing runs.</summary>
    private static Task<TimerActivity> ParkedAsync(RuntimeHost host, string job) =>
        Eventually.GetAsync(
            () => Task.FromResult(host.Services.Activity().Timer(job)),
            t => t.WaitingUntil > host.Clock.GetUtcNow(),
            what: $"timer job {job} to wait for its next tick");

    private static DateTimeOffset At(string time) =>
        new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero) + TimeSpan.Parse(time, CultureInfo.InvariantCulture);

    /// <summary>A runtime host whose only timer job is a TJob on the given schedule.</summary>
    private static async Task<(RuntimeHost Host, TJob Job)> StartAsync<TJob>(string name, string schedule)
        where TJob : class, ITimerJob
    {
        var host = await RuntimeHost.StartAsync(
            s => s.AddTimerJob<TJob>(),
            new Dictionary<string, string?> { [$"AzureFunctionsJobHost:timers:{name}"] = schedule });
        return (host, (TJob)host.Services.GetServices<ITimerJob>().Single());
    }

    private sealed class CountingJob(TimeProvider clock) : ITimerJob
    {
        private readonly ConcurrentQueue<DateTimeOffset> firedAt = new();
        private int runs;

        public string Name => "counting";

        public int Runs => Volatile.Read(ref runs);

        /// <summary>The clock's reading at each run, in order.</summary>
        public IReadOnlyList<DateTimeOffset> FiredAt => [.. firedAt];

        public bool FailNext { get; set; }

        public Task RunAsync(CancellationToken cancellationToken)
        {
            firedAt.Enqueue(clock.GetUtcNow());
            Interlocked.Increment(ref runs);
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("tick failed");
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Counts the timers armed on it: the trigger's waits, the only timers these hosts arm on the clock.</summary>
    private sealed class CountingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private int created;

        public int TimersCreated => Volatile.Read(ref created);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref created);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }

    /// <summary>
    /// Moves itself on while the first timer is being armed, after the wait was read from it: a test's Advance landing
    /// between the trigger's reading of the clock and its timer.
    /// </summary>
    private sealed class ClockMovingWhileArmed(DateTimeOffset start, TimeSpan move) : FakeTimeProvider(start)
    {
        private int moved;

        public bool Moved => Volatile.Read(ref moved) == 1;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (Interlocked.Exchange(ref moved, 1) == 0)
            {
                Advance(move);
            }

            return base.CreateTimer(callback, state, dueTime, period);
        }
    }

    /// <summary>Holds its first run until released, as a long sweep would.</summary>
    private sealed class BlockingJob(TimeProvider clock) : ITimerJob
    {
        private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<DateTimeOffset> firedAt = new();
        private int runs;

        public string Name => "blocking";

        public int Runs => Volatile.Read(ref runs);

        public IReadOnlyList<DateTimeOffset> FiredAt => [.. firedAt];

        public Task Started => started.Task;

        public void Release() => released.TrySetResult();

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            firedAt.Enqueue(clock.GetUtcNow());
            if (Interlocked.Increment(ref runs) == 1)
            {
                started.TrySetResult();
                await released.Task.WaitAsync(cancellationToken);
            }
        }
    }
}
