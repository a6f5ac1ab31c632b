using System.Security.Cryptography;
using System.Text;
using AccessReviewFunctions.Functions.Idempotency;
using Azure;
using Azure.Data.Tables;

namespace AccessReviewFunctions.Functions.Storage.Idempotency;

/// <summary>
/// Table "idempotency": PartitionKey the SHA-256 of the caller, RowKey the SHA-256 of the key (any characters a client
/// sends, none a key column refuses). A claim is an insert, so of two concurrent first requests exactly one runs.
/// </summary>
internal sealed class TableIdempotencyStore(StorageResources resources) : IIdempotencyStore
{
    public const string Table = "idempotency";

    /// <summary>How long a first answer is replayed.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>A claim whose request never finished (its host died) is free again after this.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(1);

    public async Task<IdempotentResponse?> TryClaimAsync(string caller, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(Table, cancellationToken);
        var claim = Entity(caller, key, new IdempotentResponse(requestHash, 0, null, null, null, now));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await table.AddEntityAsync(claim, cancellationToken);
                return null;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Taken: read the first request's record below.
            }

            var stored = await table.GetEntityIfExistsAsync<TableEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken);
            if (!stored.HasValue || stored.Value is null)
            {
                continue;
            }

            var first = Read(stored.Value);
            var stale = now - first.At >= Retention || (first.InProgress && now - first.At >= Abandoned);
            if (!stale)
            {
                return first;
            }

            try
            {
                await table.UpdateEntityAsync(claim, stored.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return null;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Another request took it over first: look again.
            }
        }

        throw new InvalidOperationException("Idempotency key kept changing while it was claimed");
    }

    public async Task CompleteAsync(string caller, string key, IdempotentResponse response, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(Table, cancellationToken);
        await table.UpsertEntityAsync(Entity(caller, key, response), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task ReleaseAsync(string caller, string key, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(Table, cancellationToken);
        await table.DeleteEntityAsync(Hash(caller), Hash(key), ETag.All, cancellationToken);
    }

    private static TableEntity Entity(string caller, string key, IdempotentResponse response) => new(Hash(caller), Hash(key))
    {
        ["RequestHash"] = response.RequestHash,
        ["Status"] = response.Status,
        ["ContentType"] = response.ContentType,
        ["Location"] = response.Location,
        ["Body"] = response.Body,
        ["At"] = response.At,
    };

    private static IdempotentResponse Read(TableEntity entity) => new(
        entity.GetString("RequestHash"),
        entity.GetInt32("Status") ?? 0,
        entity.GetString("ContentType"),
        entity.GetString("Location"),
        entity.GetString("Body"),
        entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
