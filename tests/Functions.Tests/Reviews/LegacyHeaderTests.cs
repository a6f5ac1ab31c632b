using System.Text.Json;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Storage;
using AccessReviewFunctions.Functions.Storage.Reviews;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Azure.Data.Tables;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

/// <summary>
/// A review stored before headers were keyed by their instance (its header under <see cref="DurableRows.LegacyHeader"/>)
/// is listed, read and decided on as before; the first change moves its header to its key, so it never has two.
/// </summary>
public sealed class LegacyHeaderTests
{
    [Fact]
    public async Task ReviewWithTheOldHeaderKey_ListedReadAndDecided_HeaderMovedToItsKey()
    {
        string prefix, id;
        using (var before = new ApiHost())
        {
            await TestInventory.ImportAsync(before);
            id = await CreateActiveAsync(before.AsAdmin());
            prefix = before.Prefix;
        }

        var reviews = new TableClient(TestStorage.ConnectionString, new StorageNames(prefix).Table(ReviewTables.Reviews));
        await MoveHeaderAsync(reviews, id, DurableRows.Header(id), DurableRows.LegacyHeader);
        using var after = new ApiHost(new Dictionary<string, string?> { ["Storage:Prefix"] = prefix });
        var admin = after.AsAdmin();

        Assert.Single(Ids(await GetAsync(after.As(TestInventory.ReviewerA), My)), id);
        Assert.Single(Ids(await GetAsync(admin, Admin)), id);
        var item = (await AccessesApi.ItemsAsync(admin, id))[0];
        await RevokeAsync(after, id, item.Id);

        Assert.True((await AccessesApi.ItemsAsync(admin, id))[0].Revoked);
        Assert.Equal("ACTIVE", (await GetAsync(admin, $"{Admin}/{id}")).GetProperty("status").GetString());
        var headers = await HeaderKeysAsync(reviews, id);
        Assert.Equal([DurableRows.Header(id)], headers);
    }

    private static async Task MoveHeaderAsync(TableClient reviews, string id, string from, string to)
    {
        var header = (await reviews.GetEntityAsync<TableEntity>(id, from)).Value;
        await reviews.DeleteEntityAsync(id, from);
        header.RowKey = to;
        await reviews.AddEntityAsync(header);
    }

    private static async Task<List<string>> HeaderKeysAsync(TableClient reviews, string id)
    {
        var keys = new List<string>();
        await foreach (var row in reviews.QueryAsync<TableEntity>($"PartitionKey eq '{id}'", select: ["RowKey"]))
        {
            if (row.RowKey.StartsWith(DurableRows.AnyHeader, StringComparison.Ordinal))
            {
                keys.Add(row.RowKey);
            }
        }

        return keys;
    }

    private static IEnumerable<string> Ids(JsonElement list) =>
        list.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetString()!);
}
