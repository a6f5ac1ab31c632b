using AccessReviewFunctions.Functions.Runtime.Timers;
using AccessReviewFunctions.Functions.Runtime.Queues;
using AccessReviewFunctions.Functions.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccessReviewFunctions.Functions.Tests.Runtime;

public sealed class SingletonLockTests
{
    [Fact]
    public async Task TryAcquire_TwoHolders_OnlyOneAcquiresUntilReleased()
    {
        await using var host = await RuntimeHost.StartAsync(_ => { });
        var leases = host.Services.GetRequiredService<ILeaseStore>();
        var first = new SingletonLock(leases, NullLogger<SingletonLock>.Instance);
        var second = new SingletonLock(leases, NullLogger<SingletonLock>.Instance);

        var held = await first.TryAcquireAsync("sweeper", CancellationToken.None);
        var contended = await second.TryAcquireAsync("sweeper", CancellationToken.None);

        Assert.NotNull(held);
        Assert.Null(contended);
        Assert.True((await host.Container(BlobLeaseStore.ContainerName).GetBlobClient("sweeper").ExistsAsync()).Value);
        await held.DisposeAsync();
        await using var after = await second.TryAcquireAsync("sweeper", CancellationToken.None);
        Assert.NotNull(after);
    }
}
