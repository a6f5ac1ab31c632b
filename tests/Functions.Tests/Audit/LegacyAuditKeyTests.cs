using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Storage.Reviews;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using AccessReviewFunctions.Functions.Tests.Reviews;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Audit;

/// <summary>
/// History and System Log rows stored before their keys carried the review's id (<c>hist:0000000001</c>) read as
/// before: history lists them in revision order with the rows written after, and the System Log entry of a revision
/// keeps its id.
/// </summary>
public sealed class LegacyAuditKeyTests
{
    [Fact]
    public async Task RowsUnderTheOldKeys_HistoryInOrderAndSystemLogEntriesWithTheirIds()
    {
        var stored = await StoredReview.ActiveAsync();
        var id = stored.Id;
        Assert.Equal(4, await MoveToOldKeysAsync(stored.Reviews, id));
        using var after = stored.NewHost();
        var admin = after.AsAdmin();
        var historyBefore = await HistoryAsync(admin, id);

        await RevokeAsync(after, id, (await AccessesApi.ItemsAsync(admin, id))[0].Id);

        var history = await HistoryAsync(admin, id);
        Assert.Equal(historyBefore, history.Take(historyBefore.Count));
        Assert.Equal(historyBefore.Count + 1, history.Count);
        Assert.StartsWith("revoked", history[^1], StringComparison.Ordinal);
        var store = after.Services.GetRequiredService<IReviewStore>();
        var entries = await store.ReadAuditAsync(id, 1, 3, null, CancellationToken.None);
        Assert.Equal([$"{id}.0000000001", $"{id}.0000000002", $"{id}.0000000003"], entries.Select(e => e.Source));
    }

    /// <summary>Puts the review's history and System Log rows back under the keys an earlier version wrote.</summary>
    private static async Task<int> MoveToOldKeysAsync(TableClient reviews, string id)
    {
        var moved = 0;
        await foreach (var row in reviews.QueryAsync<TableEntity>($"PartitionKey eq '{id}'"))
        {
            if ((row.RowKey.StartsWith(ReviewRows.HistoryPrefix, StringComparison.Ordinal) || row.RowKey.StartsWith(ReviewRows.AuditPrefix, StringComparison.Ordinal))
                && row.RowKey.EndsWith($"-{id}", StringComparison.Ordinal))
            {
                await reviews.DeleteEntityAsync(id, row.RowKey);
                row.RowKey = row.RowKey[..^(id.Length + 1)];
                await reviews.AddEntityAsync(row);
                moved++;
            }
        }

        return moved;
    }
}
