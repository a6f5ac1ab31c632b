using System.Diagnostics.CodeAnalysis;

namespace AccessReviewFunctions.Functions.Runtime.Durable;

/// <summary>
/// Load, decide, commit, dispatch: the one way a durable state changes, for every kind of state. The commit writes
/// the header under its ETag, the step's rows, the outbox and the causing message's id as one transaction, so a
/// state change and the messages it causes happen exactly once on top of at-least-once queues. Another writer's
/// commit in between makes the whole step run again; a message already processed only finishes its dispatch.
/// </summary>
internal sealed class DurableUpdater<TState>(
    IPartitionStores stores, IPartitionSchema<TState> schema, OutboxRows outbox, IOutboxDispatcher dispatcher, OutboxInBackground background, WorkClaims claims, TimeProvider clock)
    where TState : class
{
    private readonly HeaderCache headers = new();

    private IPartitionStore Store => stores.Table(schema.Table);

    public async Task<Durable<TState>?> LoadAsync(string id, CancellationToken cancellationToken) =>
        await ReadHeaderAsync(id, cancellationToken) is { } header ? new Durable<TState>(schema.Read(header), header.ETag!) : null;

    /// <summary>Whether this copy of a message sent twice does its work (<see cref="WorkClaims"/>).</summary>
    public Task<bool> TryClaimAsync(string id, string messageId, string queueMessageId, CancellationToken cancellationToken) =>
        claims.TryClaimAsync(schema.Table, id, messageId, queueMessageId, cancellationToken);

    public async Task<bool> WasProcessedAsync(string id, string messageId, CancellationToken cancellationToken) =>
        await Store.GetAsync(id, DurableRows.Processed(messageId), cancellationToken) is not null;

    /// <summary>
    /// Runs <paramref name="decide"/> on the stored state and commits its change; null means nothing to do. The step
    /// may read more of the partition after the header: it runs again on every retry, and the header's ETag in the
    /// commit guarantees nothing it read changed in between.
    /// </summary>
    /// <returns>The state after the step and its header's ETag, or null when there is no such instance.</returns>
    public Task<Durable<TState>?> UpdateAsync(
        string id, Func<Durable<TState>, CancellationToken, Task<DurableChange<TState>?>> decide, string? causedBy, CancellationToken cancellationToken) =>
        OptimisticRetry.RunAsync(token => AttemptAsync(id, decide, causedBy, token), cancellationToken);

    /// <summary>Stores a new instance with its first rows and messages, then sends them (in the background).</summary>
    public async Task<string> CreateAsync(DurableChange<TState> first, CancellationToken cancellationToken)
    {
        var id = schema.Id(first.State);
        var written = OutboxOf(id, first.Outbox);
        var etag = await CommitAsync(id, null, first, written, null, cancellationToken);
        background.Dispatch(schema.Table, id, written);
        return etag;
    }

    /// <summary>
    /// Appends rows that only add to an instance (a history entry, say) without the header: they are inserted with their
    /// messages as one transaction, so they need not win the header's ETag race against other writers. The rows' keys
    /// must be new (an insert of an existing key fails the whole append with a <see cref="ConcurrencyException"/>).
    /// </summary>
    public async Task AppendAsync(string id, IReadOnlyList<Row> rows, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        var written = OutboxOf(id, messages);
        var changes = rows.Select(r => new RowChange(r, RowWrite.Insert)).Concat(written.Select(r => new RowChange(r, RowWrite.Upsert))).ToList();
        try
        {
            await Store.WriteAtomicallyAsync(changes, cancellationToken);
        }
        catch (WriteConflictException)
        {
            // The rows' keys are new, so finding the first one means a retried request met its own committed append.
            if (rows.Count == 0 || await Store.GetAsync(id, rows[0].RowKey, cancellationToken) is null)
            {
                throw new ConcurrencyException($"{schema.Table} {id}");
            }
        }

        background.Dispatch(schema.Table, id, written);
    }

    private async Task<Durable<TState>?> AttemptAsync(
        string id, Func<Durable<TState>, CancellationToken, Task<DurableChange<TState>?>> decide, string? causedBy, CancellationToken cancellationToken)
    {
        if (headers.TryGet(id) is { } cached && await TryOnCachedAsync(id, cached, decide, causedBy, cancellationToken) is { } committed)
        {
            return committed;
        }

        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is null)
        {
            return null;
        }

        if (causedBy is not null && await WasProcessedAsync(id, causedBy, cancellationToken))
        {
            await dispatcher.DispatchAsync(schema.Table, id, null, inProcessFirst: false, cancellationToken);
            return loaded;
        }

        var change = await decide(loaded, cancellationToken);
        if (change is null)
        {
            return loaded;
        }

        string etag;
        var written = OutboxOf(id, change.Outbox);
        try
        {
            etag = await CommitAsync(id, loaded.ETag, change, written, causedBy, cancellationToken);
        }
        catch (DuplicateMessageException)
        {
            await dispatcher.DispatchAsync(schema.Table, id, null, inProcessFirst: false, cancellationToken);
            return await LoadAsync(id, cancellationToken);
        }

        await DispatchAsync(id, written, causedBy, cancellationToken);
        return new Durable<TState>(change.State, etag, Committed: true);
    }

    /// <summary>After a commit: an answer's outbox in the background, a message's before its handler returns.</summary>
    private async Task DispatchAsync(string id, List<Row> written, string? causedBy, CancellationToken cancellationToken)
    {
        if (causedBy is null)
        {
            background.Dispatch(schema.Table, id, written);
        }
        else if (written.Count > 0)
        {
            // The state is stored, so a failed send loses nothing: the message is retried, finds itself processed and
            // only dispatches.
            await dispatcher.DispatchAsync(schema.Table, id, written, inProcessFirst: false, cancellationToken);
        }
    }

    /// <summary>
    /// Decides on the header this process last committed and commits under its ETag (<see cref="HeaderCache"/>), with
    /// the causing message's processed row, which an earlier commit of that message makes fail. What a stale header can
    /// cause (nothing to do, a refusal, an ETag conflict, a duplicate message) forgets the entry and returns null, and
    /// the step runs again on fresh reads (the processed check included). Any other failure of the commit is the caller's,
    /// as after a read.
    /// </summary>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A step's refusal on the cached header may come from its staleness: it runs again on a fresh read, which refuses again if the refusal still holds.")]
    private async Task<Durable<TState>?> TryOnCachedAsync(
        string id, Row cached, Func<Durable<TState>, CancellationToken, Task<DurableChange<TState>?>> decide, string? causedBy, CancellationToken cancellationToken)
    {
        DurableChange<TState>? change;
        try
        {
            change = await decide(new Durable<TState>(schema.Read(cached), cached.ETag!), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            change = null;
        }

        if (change is null)
        {
            headers.Forget(id);
            return null;
        }

        string etag;
        var written = OutboxOf(id, change.Outbox);
        try
        {
            etag = await CommitAsync(id, cached.ETag, change, written, causedBy, cancellationToken);
        }
        catch (Exception e) when (e is ConcurrencyException or DuplicateMessageException)
        {
            return null;
        }

        await DispatchAsync(id, written, causedBy, cancellationToken);
        return new Durable<TState>(change.State, etag, Committed: true);
    }

    /// <summary>The header; one stored under <see cref="DurableRows.LegacyHeader"/> is moved to its key first (<see cref="LegacyHeaders"/>).</summary>
    private async Task<Row?> ReadHeaderAsync(string id, CancellationToken cancellationToken) =>
        await Store.GetAsync(id, DurableRows.Header(id), cancellationToken) ?? await LegacyHeaders.MoveAsync(Store, id, cancellationToken);

    /// <summary>The outbox rows a commit writes, built once so that the dispatch after the commit sends them without reading them back.</summary>
    private List<Row> OutboxOf(string id, IEnumerable<OutgoingMessage> messages)
    {
        var now = clock.GetUtcNow();
        return [.. messages.Select(m => outbox.Write(id, m, now))];
    }

    private async Task<string> CommitAsync(
        string id, string? etag, DurableChange<TState> change, IReadOnlyList<Row> written, string? causedBy, CancellationToken cancellationToken)
    {
        var commitId = Guid.NewGuid().ToString("N");
        var columns = new Dictionary<string, object?>(schema.HeaderColumns(change.State), StringComparer.Ordinal) { [DurableRows.CommitColumn] = commitId };
        var header = new Row(id, DurableRows.Header(id), columns, etag);
        var rows = new List<RowChange> { new(header, etag is null ? RowWrite.Insert : RowWrite.Replace) };
        rows.AddRange(change.Rows);
        rows.AddRange(written.Select(row => new RowChange(row, RowWrite.Upsert)));
        if (causedBy is not null)
        {
            rows.Add(new RowChange(Row.Of(id, DurableRows.Processed(causedBy)), RowWrite.Insert));
        }

        if (rows.Count > IPartitionStore.MaxAtomicChanges)
        {
            throw new InvalidOperationException(
                $"A commit of {schema.Table} {id} holds at most {IPartitionStore.MaxAtomicChanges} rows, got {rows.Count}: the step must split its change");
        }

        try
        {
            var committed = (await Store.WriteAtomicallyAsync(rows, cancellationToken))[0];
            headers.Put(header with { ETag = committed });
            return committed;
        }
        catch (WriteConflictException e)
        {
            headers.Forget(id);
            // The storage client retries a request whose answer was lost; when the first try committed, the retry
            // meets its own commit as a conflict. The header's commit id tells it apart from another writer's.
            if (await Store.GetAsync(id, DurableRows.Header(id), cancellationToken) is { } stored && stored.Text(DurableRows.CommitColumn) == commitId)
            {
                headers.Put(stored);
                return stored.ETag!;
            }

            throw !e.PreconditionFailed && causedBy is not null ? new DuplicateMessageException(causedBy) : new ConcurrencyException($"{schema.Table} {id}");
        }
    }
}
