using AccessReviewFunctions.Functions.Runtime.Durable;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>Forwards every call to the real partition store; a test double overrides only what it watches or changes.</summary>
internal abstract class PartitionStoreDecorator(IPartitionStore inner) : IPartitionStore
{
    protected IPartitionStore Inner => inner;

    public virtual Task<Row?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken) => inner.GetAsync(partitionKey, rowKey, cancellationToken);

    public virtual Task<IReadOnlyList<Row>> ReadPrefixAsync(string? partitionKey, string rowPrefix, CancellationToken cancellationToken) =>
        inner.ReadPrefixAsync(partitionKey, rowPrefix, cancellationToken);

    public virtual Task<IReadOnlyList<Row>> ReadRangeAsync(string partitionKey, string fromRowKey, string toRowKey, CancellationToken cancellationToken) =>
        inner.ReadRangeAsync(partitionKey, fromRowKey, toRowKey, cancellationToken);

    public virtual Task<IReadOnlyList<string>> WriteAtomicallyAsync(IReadOnlyList<RowChange> changes, CancellationToken cancellationToken) =>
        inner.WriteAtomicallyAsync(changes, cancellationToken);

    public Task UpsertManyAsync(IEnumerable<Row> rows, CancellationToken cancellationToken) => inner.UpsertManyAsync(rows, cancellationToken);

    public Task DeleteAsync(string partitionKey, IReadOnlyCollection<string> rowKeys, CancellationToken cancellationToken) => inner.DeleteAsync(partitionKey, rowKeys, cancellationToken);

    /// <summary>Every table's store wrapped by <paramref name="wrap"/>.</summary>
    public static IPartitionStores Around(IPartitionStores stores, Func<IPartitionStore, IPartitionStore> wrap) => new Stores(stores, wrap);

    private sealed class Stores(IPartitionStores inner, Func<IPartitionStore, IPartitionStore> wrap) : IPartitionStores
    {
        public IPartitionStore Table(string name) => wrap(inner.Table(name));
    }
}
