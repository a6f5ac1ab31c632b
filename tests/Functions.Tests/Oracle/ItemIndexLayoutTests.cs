using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Storage;
using AccessReviewFunctions.Functions.Storage.Reviews;
using AccessReviewFunctions.Functions.Storage.Tables;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AccessReviewFunctions.Functions.Tests.Oracle;

/// <summary>The item index finds items under each layout it has had: 4 buckets (now), 16 buckets, and one partition per item.</summary>
public sealed class ItemIndexLayoutTests : IDisposable
{
    private readonly ApiHost host = new();

    [Theory]
    [InlineData(TableReviewIndex.ItemBuckets)]
    [InlineData(16)]
    [InlineData(0)]
    public async Task FindReviewOfItem_RowOfAnyLayout_Found(int buckets)
    {
        var itemId = $"aim{Guid.NewGuid():N}"[..20];
        var table = await host.Services.GetRequiredService<StorageResources>().TableAsync("itemreviews", CancellationToken.None);
        var row = buckets == 0 ? new TableEntity(itemId, "review") : new TableEntity(KeyBuckets.Of(itemId, buckets), itemId);
        row["ReviewId"] = "irv0000000000000001";
        await table.UpsertEntityAsync(row);

        var index = host.Services.GetRequiredService<IReviewIndex>();

        Assert.Equal("irv0000000000000001", await index.FindReviewOfItemAsync(itemId, CancellationToken.None));
        Assert.Null(await index.FindReviewOfItemAsync("aim" + new string('0', 17), CancellationToken.None));
    }

    public void Dispose() => host.Dispose();
}
