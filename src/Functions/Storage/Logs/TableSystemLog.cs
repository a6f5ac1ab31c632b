using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Functions.Common;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Storage.Reviews;
using AccessReviewFunctions.Functions.Storage.Tables;

namespace AccessReviewFunctions.Functions.Storage.Logs;

/// <summary>
/// The System Log table: PartitionKey the hour bucket (<c>yyyyMMddHH</c>), RowKey published ticks + uuid, and per
/// bucket a head row (<see cref="HeadKey"/>) holding the chain's count and last hash. An append writes its entries
/// and the head, under the head's ETag, in one entity-group transaction: the chain never forks and never has an
/// entry the head does not count. Reads list the buckets that exist from their heads, then read them in order.
/// </summary>
internal sealed class TableSystemLog(StorageResources resources) : IAuditLog, IDisposable
{
    public const string Table = "systemlog";
    public const string HeadKey = "~chain";
    public const string Json = "Json";
    public const string Sequence = "Seq";
    public const string PreviousHash = "PrevHash";
    public const string Hash = "Hash";
    private const string Count = "Count";
    private const int PerBatch = 99;

    /// <summary>Appends in one process are written together (one chain transaction for many feed messages) instead of racing on the head's ETag.</summary>
    private readonly GroupCommit<LogEntry> appends = new((entries, ct) => WriteAsync(resources, entries, ct));

    public void Dispose() => appends.Dispose();

    public Task AppendAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return appends.WriteAsync(entries, cancellationToken);
    }

    private static async Task WriteAsync(StorageResources resources, IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(Table, cancellationToken);
        foreach (var bucket in entries.GroupBy(e => LogChain.Bucket(e.Event.Published), StringComparer.Ordinal))
        {
            foreach (var chunk in bucket.Chunk(PerBatch))
            {
                await OptimisticRetry.RunAsync(token => AppendChunkAsync(table, bucket.Key, chunk, token), cancellationToken);
            }
        }
    }

    public async IAsyncEnumerable<StoredAuditEvent> ReadAsync(
        DateTimeOffset since, DateTimeOffset until, string? afterKey, bool descending, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(Table, cancellationToken);
        var buckets = (await HeadsAsync(table, since, until, cancellationToken)).Select(h => h.Bucket).ToList();
        var from = LogChain.KeyFrom(since);
        var to = LogChain.KeyFrom(until);
        var lower = "ge";
        if (afterKey is not null && !descending && string.CompareOrdinal(afterKey, from) >= 0)
        {
            (from, lower) = (afterKey, "gt");
        }
        else if (afterKey is not null && descending && string.CompareOrdinal(afterKey, to) < 0)
        {
            to = afterKey;
        }

        if (string.CompareOrdinal(from, to) >= 0)
        {
            yield break;
        }

        var first = LogChain.Bucket(KeyTime(from));
        var last = LogChain.Bucket(KeyTime(to));
        var inRange = buckets.Where(b => string.CompareOrdinal(b, first) >= 0 && string.CompareOrdinal(b, last) <= 0);
        foreach (var bucket in descending ? inRange.Reverse() : inRange)
        {
            var filter = TableRows.And(TableRows.Partition(bucket), TableRows.Compare("RowKey", lower, from), TableRows.Compare("RowKey", "lt", to));
            var query = table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey", "RowKey", Json], cancellationToken: cancellationToken);
            if (descending)
            {
                var rows = new List<TableEntity>();
                await foreach (var entity in query)
                {
                    rows.Add(entity);
                }

                for (var i = rows.Count - 1; i >= 0; i--)
                {
                    yield return Read(rows[i]);
                }
            }
            else
            {
                await foreach (var entity in query)
                {
                    yield return Read(entity);
                }
            }
        }
    }

    public async Task<LogVerification> VerifyAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(Table, cancellationToken);
        var filter = TableRows.And(
            TableRows.Compare("PartitionKey", "ge", LogChain.Bucket(since)),
            TableRows.Compare("PartitionKey", "le", LogChain.Bucket(until.AddTicks(-1))));
        var rows = await table.QueryAllAsync(filter, cancellationToken);
        var heads = new List<BucketHead>();
        long entries = 0;
        ChainBreak? firstBreak = null;
        foreach (var bucket in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var head = bucket.FirstOrDefault(r => r.RowKey == HeadKey) is { } h ? ReadHead(h) : null;
            var links = bucket.Where(r => r.RowKey != HeadKey).Select(ReadLink).ToList();
            entries += links.Count;
            heads.Add(new BucketHead(bucket.Key, head?.Count ?? 0, head?.LastHash ?? LogChain.Genesis));
            firstBreak ??= LogChain.Verify(bucket.Key, links, head);
        }

        return new LogVerification(heads.Count, entries, heads, firstBreak);
    }

    private static async Task<int> AppendChunkAsync(TableClient table, string bucket, LogEntry[] entries, CancellationToken cancellationToken)
    {
        var headRow = await table.FindAsync(bucket, HeadKey, cancellationToken);
        var head = headRow is null ? ChainHead.Empty : ReadHead(headRow);
        var keyed = entries.Select(e => (Key: LogChain.Key(e.Event.Published, DurableRows.Escape(e.Source)), e.Event)).DistinctBy(e => e.Key, StringComparer.Ordinal).ToList();

        // An entry already stored (a redelivered feed message, or a retry after a lost reply) is not chained twice:
        // one read of the keys in the chunk's range tells which.
        var stored = await StoredKeysAsync(table, bucket, keyed.Min(k => k.Key)!, keyed.Max(k => k.Key)!, cancellationToken);
        var fresh = keyed.Where(k => !stored.Contains(k.Key)).ToList();

        if (fresh.Count == 0)
        {
            return 0;
        }

        var actions = new List<TableTransactionAction>();
        foreach (var (key, e) in fresh)
        {
            var link = LogChain.Append(head, key, ReviewJson.Write(e));
            head = new ChainHead(link.Sequence, link.Hash);
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(bucket, key)
            {
                [Json] = link.Text,
                [Sequence] = link.Sequence,
                [PreviousHash] = link.PreviousHash,
                [Hash] = link.Hash,
                ["EventType"] = e.EventType,
                ["Uuid"] = e.Uuid,
            }));
        }

        var next = new TableEntity(bucket, HeadKey) { [Count] = head.Count, [Hash] = head.LastHash };
        actions.Add(headRow is null
            ? new(TableTransactionActionType.Add, next)
            : new(TableTransactionActionType.UpdateReplace, next, headRow.ETag));
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            throw new ConcurrencyException($"System Log bucket {bucket}");
        }

        return fresh.Count;
    }

    private static async Task<HashSet<string>> StoredKeysAsync(TableClient table, string bucket, string first, string last, CancellationToken cancellationToken)
    {
        var filter = TableRows.And(TableRows.Partition(bucket), TableRows.Compare("RowKey", "ge", first), TableRows.Compare("RowKey", "le", last));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }

    private static async Task<List<BucketHead>> HeadsAsync(TableClient table, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var filter = TableRows.And(
            TableRows.Compare("PartitionKey", "ge", LogChain.Bucket(since)),
            TableRows.Compare("PartitionKey", "le", LogChain.Bucket(until.AddTicks(-1))),
            TableRows.Compare("RowKey", "eq", HeadKey));
        var heads = await table.QueryAllAsync(filter, cancellationToken);
        return heads.Select(h => new BucketHead(h.PartitionKey, h.GetInt64(Count) ?? 0, h.GetString(Hash) ?? LogChain.Genesis))
            .OrderBy(h => h.Bucket, StringComparer.Ordinal)
            .ToList();
    }

    private static DateTimeOffset KeyTime(string key) => new(long.Parse(key.AsSpan(0, 19), System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);

    private static ChainHead ReadHead(TableEntity row) => new(row.GetInt64(Count) ?? 0, row.GetString(Hash) ?? LogChain.Genesis);

    private static ChainLink ReadLink(TableEntity row) => new(
        row.GetInt64(Sequence) ?? 0, row.RowKey, row.GetString(Json) ?? string.Empty, row.GetString(PreviousHash) ?? string.Empty, row.GetString(Hash) ?? string.Empty);

    private static StoredAuditEvent Read(TableEntity row) => new(row.PartitionKey, row.RowKey, ReviewJson.Read<AuditEvent>(row.GetString(Json)));
}
