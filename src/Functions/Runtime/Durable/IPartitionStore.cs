namespace AccessReviewFunctions.Functions.Runtime.Durable;

/// <summary>One table of partitions: the storage port the durable runtime needs.</summary>
internal interface IPartitionStore
{
    Task<Row?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken);

    /// <summary>The rows whose key starts with the prefix, in key order; of every partition when partitionKey is null.</summary>
    Task<IReadOnlyList<Row>> ReadPrefixAsync(string? partitionKey, string rowPrefix, CancellationToken cancellationToken);

    /// <summary>The partition's rows with <paramref name="fromRowKey"/> ≤ key &lt; <paramref name="toRowKey"/>, in key order.</summary>
    Task<IReadOnlyList<Row>> ReadRangeAsync(string partitionKey, string fromRowKey, string toRowKey, CancellationToken cancellationToken);

    /// <summary>
    /// All changes, of one partition and at most <see cref="MaxAtomicChanges"/>, as one atomic transaction; returns
    /// the new ETags in order. Throws <see cref="WriteConflictException"/> and writes nothing when any change is refused.
    /// </summary>
    Task<IReadOnlyList<string>> WriteAtomicallyAsync(IReadOnlyList<RowChange> changes, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces many rows, in batches per partition: each batch is atomic, the whole is not.</summary>
    Task UpsertManyAsync(IEnumerable<Row> rows, CancellationToken cancellationToken);

    /// <summary>Deletes rows of one partition, up to <see cref="MaxAtomicChanges"/> in one transaction; rows already gone are fine.</summary>
    Task DeleteAsync(string partitionKey, IReadOnlyCollection<string> rowKeys, CancellationToken cancellationToken);

    /// <summary>Storage's limit on one entity-group transaction.</summary>
    public const int MaxAtomicChanges = 100;
}

/// <summary>Partition stores by logical table name (before the storage prefix).</summary>
internal interface IPartitionStores
{
    IPartitionStore Table(string name);
}
