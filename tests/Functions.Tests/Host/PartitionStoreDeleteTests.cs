using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AccessReviewFunctions.Functions.Tests.Host;

/// <summary>Deleting many rows of a partition: one transaction per 100, and rows already gone are fine.</summary>
public sealed class PartitionStoreDeleteTests : IDisposable
{
    private readonly ApiHost host = new();

    [Theory]
    [InlineData(3, 0)]
    [InlineData(3, 1)]
    [InlineData(150, 1)]
    public async Task Delete_RowsSomeGone_AllGoneAndOthersKept(int count, int goneBefore)
    {
        var store = host.Services.GetRequiredService<IPartitionStores>().Table("deletetests");
        var partition = Guid.NewGuid().ToString("N");
        var keys = Enumerable.Range(0, count).Select(i => $"row{i:D4}").ToList();
        await store.UpsertManyAsync(keys.Append("kept").Select(k => new Row(partition, k, new Dictionary<string, object?> { ["A"] = 1 }, null)), CancellationToken.None);
        await store.DeleteAsync(partition, keys.Take(goneBefore).ToList(), CancellationToken.None);

        await store.DeleteAsync(partition, keys, CancellationToken.None);

        Assert.Equal(["kept"], (await store.ReadRangeAsync(partition, "a", "z", CancellationToken.None)).Select(r => r.RowKey));
    }

    public void Dispose() => host.Dispose();
}
