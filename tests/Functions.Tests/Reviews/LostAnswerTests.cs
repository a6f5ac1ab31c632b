using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

/// <summary>
/// A write whose answer is lost is retried by the storage client; when the first try committed, the retry meets its
/// own commit as a conflict (409 for an insert, 412 for the header's ETag). The runtime must recognise its own write
/// rather than take it for another writer's and run the step again.
/// </summary>
public sealed class LostAnswerTests : IAsyncLifetime
{
    private readonly LossyStores lossy = new();
    private ApiHost host = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        host = new ApiHost(services: s => s.Decorate<IPartitionStores>((inner, _) => lossy.Wrap(inner)));
        await TestInventory.ImportAsync(host);
        admin = host.AsAdmin();
    }

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Decision_CommitAnswerLostAndRetryConflicts_AppliedOnceAnd2xx()
    {
        var id = await ActiveReviewAsync();
        var item = (await AccessesApi.ItemsAsync(admin, id))[0];

        lossy.LoseNext(header: true);
        var response = await host.As(TestInventory.ReviewerA).PostAsJsonAsync($"{My}/{id}/accesses/{item.Id}/actions", new { type = "REVOKE_ACCESS" });

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(1, lossy.Lost);
        Assert.Single(await HistoryAsync(admin, id), m => m.StartsWith("revoked access", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Comment_AppendAnswerLostAndRetryConflicts_StoredOnceAnd204()
    {
        var id = await ActiveReviewAsync();

        lossy.LoseNext(header: false);
        var response = await host.As(TestInventory.ReviewerA).PostAsJsonAsync($"{My}/{id}/comment", new { comment = "once" });

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(1, lossy.Lost);
        Assert.Single(await HistoryAsync(admin, id), m => m == "commented: once");
    }

    [Fact]
    public async Task Create_CommittedButTheRequestFailed_RetryUnderTheSameKeyFindsTheSameReview()
    {

        lossy.LoseNext(header: true, timeout: true);
        var first = await PostWithKeyAsync(admin, "create-1");
        var retry = await PostWithKeyAsync(admin, "create-1");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.Accepted), (first.StatusCode, retry.StatusCode));
        var reviews = (await GetAsync(admin, Admin)).GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal([(await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()], reviews);
    }

    private async Task<string> ActiveReviewAsync()
    {
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        return id;
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient admin, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Admin) { Content = JsonContent.Create(Body()) };
        request.Headers.Add("Idempotency-Key", key);
        return admin.SendAsync(request);
    }

    /// <summary>Commits the next matching atomic write, then answers as a retry of it would: with a conflict, or as a client that gave up: with a timeout.</summary>
    private sealed class LossyStores
    {
        private int armed;
        private bool header;
        private bool timeout;
        private int lost;

        public int Lost => Volatile.Read(ref lost);

        public void LoseNext(bool header, bool timeout = false)
        {
            this.header = header;
            this.timeout = timeout;
            Volatile.Write(ref armed, 1);
        }

        public IPartitionStores Wrap(IPartitionStores inner) => new Stores(inner, this);

        private bool Take(IReadOnlyList<RowChange> changes) =>
            changes.Any(c => c.Row.RowKey == DurableRows.Header(c.Row.PartitionKey)) == header && Interlocked.CompareExchange(ref armed, 0, 1) == 1;

        private sealed class Stores(IPartitionStores inner, LossyStores owner) : IPartitionStores
        {
            public IPartitionStore Table(string name) => new Store(inner.Table(name), owner);
        }

        private sealed class Store(IPartitionStore inner, LossyStores owner) : IPartitionStore
        {
            public Task<Row?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken) => inner.GetAsync(partitionKey, rowKey, cancellationToken);

            public Task<IReadOnlyList<Row>> ReadPrefixAsync(string? partitionKey, string rowPrefix, CancellationToken cancellationToken) =>
                inner.ReadPrefixAsync(partitionKey, rowPrefix, cancellationToken);

            public Task<IReadOnlyList<Row>> ReadRangeAsync(string partitionKey, string fromRowKey, string toRowKey, CancellationToken cancellationToken) =>
                inner.ReadRangeAsync(partitionKey, fromRowKey, toRowKey, cancellationToken);

            public async Task<IReadOnlyList<string>> WriteAtomicallyAsync(IReadOnlyList<RowChange> changes, CancellationToken cancellationToken)
            {
                var written = await inner.WriteAtomicallyAsync(changes, cancellationToken);
                if (owner.Take(changes))
                {
                    Interlocked.Increment(ref owner.lost);
                    throw owner.timeout ? new TimeoutException("no answer from storage") : new WriteConflictException(preconditionFailed: owner.header);
                }

                return written;
            }

            public Task UpsertManyAsync(IEnumerable<Row> rows, CancellationToken cancellationToken) => inner.UpsertManyAsync(rows, cancellationToken);

            public Task DeleteAsync(string partitionKey, IReadOnlyCollection<string> rowKeys, CancellationToken cancellationToken) => inner.DeleteAsync(partitionKey, rowKeys, cancellationToken);
        }
    }
}
