using AccessReviewFunctions.Functions.Tests.Infrastructure;
using AccessReviewFunctions.Functions.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace AccessReviewFunctions.Functions.Tests.Runtime;

public sealed class TimerTriggerTests
{
    [Fact]
    public async Task Schedule_OneHour_RunsWhenClockAdvancedAnHourAndNotBefore()
    {
        await using var host = await RuntimeHost.StartAsync(
            s => s.AddTimerJob<CountingJob>(),
            new Dictionary<string, string?> { ["AzureFunctionsJobHost:timers:counting"] = "01:00:00" });
        var job = (CountingJob)host.Services.GetServices<ITimerJob>().Single();

        host.Clock.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(300);
        Assert.Equal(0, job.Runs);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.WaitAsync(() => job.Runs == 1);
        await Task.Delay(300);
        Assert.Equal(1, job.Runs);
    }

    [Fact]
    public async Task Schedule_JobThrows_NextTickStillRuns()
    {
        await using var host = await RuntimeHost.StartAsync(
            s => s.AddTimerJob<CountingJob>(),
            new Dictionary<string, string?> { ["AzureFunctionsJobHost:timers:counting"] = "00:10:00" });
        var job = (CountingJob)host.Services.GetServices<ITimerJob>().Single();
        job.FailNext = true;

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await Eventually.WaitAsync(() => job.Runs == 1);
        await Task.Delay(200);
        host.Clock.Advance(TimeSpan.FromMinutes(10));

        await Eventually.WaitAsync(() => job.Runs == 2);
    }

    [Fact]
    public async Task Schedule_TicksComeDueWhileRunning_RunsOnceRightAfter()
    {
        await using var host = await RuntimeHost.StartAsync(
            s => s.AddTimerJob<BlockingJob>(),
            new Dictionary<string, string?> { ["AzureFunctionsJobHost:timers:blocking"] = "00:01:00" });
        var job = (BlockingJob)host.Services.GetServices<ITimerJob>().Single();

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await job.Started.WaitAsync(TimeSpan.FromSeconds(20));
        host.Clock.Advance(TimeSpan.FromMinutes(11));
        job.Release();

        await Eventually.WaitAsync(() => job.Runs == 2);
        await Task.Delay(300);
        Assert.Equal(2, job.Runs);
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

    private sealed class CountingJob : ITimerJob
    {
        private int runs;

        public string Name => "counting";

        public int Runs => Volatile.Read(ref runs);

        public bool FailNext { get; set; }

        public Task RunAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref runs);
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("tick failed");
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Holds its first run until released, as a long sweep would.</summary>
    private sealed class BlockingJob : ITimerJob
    {
        private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int runs;

        public string Name => "blocking";

        public int Runs => Volatile.Read(ref runs);

        public Task Started => started.Task;

        public void Release() => released.TrySetResult();

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                started.TrySetResult();
                await released.Task.WaitAsync(cancellationToken);
            }
        }
    }
}
