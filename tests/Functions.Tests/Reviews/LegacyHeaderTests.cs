using System.Text.Json;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

/// <summary>
/// A review stored before headers were keyed by their instance (its header under <see cref="DurableRows.LegacyHeader"/>)
/// is listed, read and decided on as before; the first load moves its header to its key, so it never has two, also when
/// a host of the earlier version changes the old row during the move.
/// </summary>
public sealed class LegacyHeaderTests
{
    [Fact]
    public async Task ReviewWithTheOldHeaderKey_ListedReadAndDecided_HeaderMovedToItsKey()
    {
        var stored = await StoredUnderTheOldKeyAsync();
        var (id, reviews) = (stored.Id, stored.Reviews);
        using var after = stored.NewHost();
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

    [Fact]
    public async Task OldHeaderChangedByAnOlderHostDuringTheMove_MovedOnTheNextLook()
    {
        var stored = await StoredUnderTheOldKeyAsync();
        var (id, reviews) = (stored.Id, stored.Reviews);
        var race = new OldHostWrite();
        using var after = stored.NewHost(s => s.Decorate<IPartitionStores>((inner, _) => race.Wrap(inner)));

        Assert.Equal("ACTIVE", (await GetAsync(after.AsAdmin(), $"{Admin}/{id}")).GetProperty("status").GetString());
        Assert.Equal(1, race.Raced);
        Assert.Equal([DurableRows.Header(id)], await HeaderKeysAsync(reviews, id));
    }

    /// <summary>An ACTIVE review whose header is put back under the old key, with its host gone (and its header cache with it).</summary>
    private static async Task<StoredReview> StoredUnderTheOldKeyAsync()
    {
        var stored = await StoredReview.ActiveAsync();
        await MoveHeaderAsync(stored.Reviews, stored.Id, DurableRows.Header(stored.Id), DurableRows.LegacyHeader);
        return stored;
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

    /// <summary>Just before the first move of an old header, a host of the earlier version rewrites that row: the move fails on its ETag.</summary>
    private sealed class OldHostWrite
    {
        private int raced;

        public int Raced => Volatile.Read(ref raced);

        public IPartitionStores Wrap(IPartitionStores inner) => PartitionStoreDecorator.Around(inner, store => new Racing(store, this));

        private sealed class Racing(IPartitionStore inner, OldHostWrite race) : PartitionStoreDecorator(inner)
        {
            public override async Task<IReadOnlyList<string>> WriteAtomicallyAsync(IReadOnlyList<RowChange> changes, CancellationToken cancellationToken)
            {
                if (changes.Any(c => c is { Write: RowWrite.Delete, Row.RowKey: DurableRows.LegacyHeader }) && Interlocked.CompareExchange(ref race.raced, 1, 0) == 0)
                {
                    var old = changes.Single(c => c.Write == RowWrite.Delete).Row;
                    await Inner.WriteAtomicallyAsync([new RowChange(old with { ETag = null }, RowWrite.Upsert)], cancellationToken);
                }

                return await Inner.WriteAtomicallyAsync(changes, cancellationToken);
            }
        }
    }

    private static IEnumerable<string> Ids(JsonElement list) =>
        list.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetString()!);
}
