using AccessReviewFunctions.Functions.Runtime.Queues;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace AccessReviewFunctions.Functions.Storage.Blobs;

/// <summary>Leases on empty blobs "locks/&lt;name&gt;", created on first use; a second acquire gets 409.</summary>
internal sealed class BlobLeaseStore(StorageResources resources) : ILeaseStore
{
    public const string ContainerName = "locks";

    public async Task<string?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(name, cancellationToken);
        try
        {
            return await AcquireAsync(blob, duration, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            await CreateAsync(blob, cancellationToken);
            return await AcquireAsync(blob, duration, cancellationToken);
        }
    }

    /// <summary>The lease id; null when another holder has the lease (409).</summary>
    private static async Task<string?> AcquireAsync(BlobClient blob, TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetBlobLeaseClient().AcquireAsync(duration, cancellationToken: cancellationToken)).Value.LeaseId;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    public async Task RenewAsync(string name, string leaseId, CancellationToken cancellationToken) =>
        await (await BlobAsync(name, cancellationToken)).GetBlobLeaseClient(leaseId).RenewAsync(cancellationToken: cancellationToken);

    public async Task ReleaseAsync(string name, string leaseId, CancellationToken cancellationToken) =>
        await (await BlobAsync(name, cancellationToken)).GetBlobLeaseClient(leaseId).ReleaseAsync(cancellationToken: cancellationToken);

    private async Task<BlobClient> BlobAsync(string name, CancellationToken cancellationToken) =>
        (await resources.ContainerAsync(ContainerName, cancellationToken)).GetBlobClient(name);

    private static async Task CreateAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var ifNew = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
            await blob.UploadAsync(BinaryData.Empty, ifNew, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Another instance created it first.
        }
    }
}
