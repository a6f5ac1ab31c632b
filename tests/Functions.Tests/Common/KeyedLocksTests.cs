using AccessReviewFunctions.Functions.Common;

namespace AccessReviewFunctions.Functions.Tests.Common;

public sealed class KeyedLocksTests
{
    [Fact]
    public async Task SameKey_SecondWaitsForTheFirst_OtherKeysDoNot()
    {
        var locks = new KeyedLocks();
        var first = await locks.AcquireAsync("review-1", CancellationToken.None);
        var second = locks.AcquireAsync("review-1", CancellationToken.None);
        var other = await locks.AcquireAsync("review-2", CancellationToken.None);

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        other.Dispose();
        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task Waiter_Cancelled_LeavesTheLockUsable()
    {
        var locks = new KeyedLocks();
        var held = await locks.AcquireAsync("review-1", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = locks.AcquireAsync("review-1", cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        (await locks.AcquireAsync("review-1", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task ManyAtOnce_OneHolderAtATime()
    {
        var locks = new KeyedLocks();
        var inside = 0;
        var most = 0;
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            using var turn = await locks.AcquireAsync("review-1", CancellationToken.None);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            await Task.Yield();
            Interlocked.Decrement(ref inside);
        })));

        Assert.Equal(1, most);
        Assert.Equal(0, locks.Count);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
