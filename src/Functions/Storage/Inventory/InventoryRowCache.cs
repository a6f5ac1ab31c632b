using System.Collections.Concurrent;
using AccessReviewFunctions.Functions.Storage.Tables;
using Azure.Data.Tables;

namespace AccessReviewFunctions.Functions.Storage.Inventory;

/// <summary>
/// Point reads of inventory rows (applications, their resources, count rows) kept in this process under the inventory's
/// version: every writer of the inventory (an import, a grant change) writes a new version after its rows, even when it
/// fails part-way, and a reader reads the version before any row (<see cref="ReaderAsync"/>). A row is used only by a
/// reader of the version it was read under, so it was read after every write before that version; another host's
/// writes reach this cache through the shared version row. Gathering many principals of the same applications then
/// costs one point read of the version instead of one per application and resource.
/// </summary>
internal sealed class InventoryRowCache
{
    private const int MaxRows = 200_000;
    private const string VersionTable = "invversion";
    private const string VersionPartition = "inventory";
    private const string VersionRow = "version";
    private const string VersionColumn = "Version";
    private readonly ConcurrentDictionary<(string Table, string Partition, string Row), (string Version, TableEntity? Entity)> rows = new();
    private readonly StorageResources storage;

    public InventoryRowCache(StorageResources storage) => this.storage = storage;

    /// <summary>A new inventory version: call after writing inventory rows, also when the write failed part-way.</summary>
    public async Task ChangedAsync(CancellationToken cancellationToken) =>
        await (await storage.TableAsync(VersionTable, cancellationToken)).UpsertEntityAsync(
            new TableEntity(VersionPartition, VersionRow) { [VersionColumn] = Guid.NewGuid().ToString("N") }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>A reader of the current version: one point read of the version row.</summary>
    public async Task<Reader> ReaderAsync(CancellationToken cancellationToken)
    {
        var row = await (await storage.TableAsync(VersionTable, cancellationToken)).FindAsync(VersionPartition, VersionRow, cancellationToken);
        return new Reader(this, row?.GetString(VersionColumn) ?? string.Empty);
    }

    /// <summary>Reads rows through the cache, under one version.</summary>
    internal sealed class Reader(InventoryRowCache cache, string version)
    {
        /// <summary>The rows found, by row key: cached ones of this version, the others by point reads (then cached, found or not).</summary>
        public async Task<IReadOnlyDictionary<string, TableEntity>> FindManyAsync(
            TableClient table, IEnumerable<(string Partition, string Row)> keys, CancellationToken cancellationToken)
        {
            var found = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            var unread = new List<(string Partition, string Row)>();
            foreach (var key in keys.Distinct())
            {
                if (cache.rows.TryGetValue((table.Name, key.Partition, key.Row), out var cached) && cached.Version == version)
                {
                    if (cached.Entity is { } entity)
                    {
                        found[key.Row] = entity;
                    }
                }
                else
                {
                    unread.Add(key);
                }
            }

            if (unread.Count == 0)
            {
                return found;
            }

            var read = await BucketedReads.FindManyAsync(table, unread, cancellationToken);
            if (cache.rows.Count + unread.Count > MaxRows)
            {
                cache.rows.Clear();
            }

            foreach (var key in unread)
            {
                var entity = read.GetValueOrDefault(key.Row);
                cache.rows[(table.Name, key.Partition, key.Row)] = (version, entity);
                if (entity is not null)
                {
                    found[key.Row] = entity;
                }
            }

            return found;
        }
    }
}
