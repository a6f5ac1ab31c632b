using AccessReviewFunctions.Functions.Tests.Infrastructure;
using AccessReviewFunctions.Functions.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.WindowsAzure.Storage;

namespace AccessReviewFunctions.Functions.Tests.Runtime;

public sealed class BlobLeaseTests
{
    [Fact]
    public async Task TryAcquire_TwoHolders_OnlyOneAcquiresUntilReleased()
    {
        await using var host = await RuntimeHost.StartAsync(_ => { });
        var account = host.Services.GetRequiredService<CloudStorageAccount>();
        var first = new BlobLease(account, host.Names, NullLogger<BlobLease>.Instance);
        var second = new BlobLease(account, host.Names, NullLogger<BlobLease>.Instance);

        var held = await first.TryAcquireAsync("sweeper", CancellationToken.None);
        var contended = await second.TryAcquireAsync("sweeper", CancellationToken.None);

        Assert.NotNull(held);
        Assert.Null(contended);
        Assert.True(await host.Container(BlobLease.ContainerName).GetBlockBlobReference("sweeper").ExistsAsync());
        await held.DisposeAsync();
        await using var after = await second.TryAcquireAsync("sweeper", CancellationToken.None);
        Assert.NotNull(after);
    }
}
