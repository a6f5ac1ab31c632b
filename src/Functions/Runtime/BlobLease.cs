using LogLevel = Microsoft.Extensions.Logging.LogLevel;
using System.Net;
using AccessReviewFunctions.Functions.Storage;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Blob;

namespace AccessReviewFunctions.Functions.Runtime;

/// <summary>A singleton lock across host instances: a 60 s lease on blob "locks/&lt;name&gt;", renewed while held.</summary>
public sealed partial class BlobLease(CloudStorageAccount account, StorageNames names, ILogger<BlobLease> logger)
{
    public const string ContainerName = "locks";
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);
    private readonly CloudBlobContainer container = account.CreateCloudBlobClient().GetContainerReference(names.Container(ContainerName));

    /// <summary>The held lease, or null when another holder has it. Dispose to release.</summary>
    public async Task<LeaseHandle?> TryAcquireAsync(string name, CancellationToken cancellationToken)
    {
        var blob = container.GetBlockBlobReference(name);
        var leaseId = await TryAcquireLeaseAsync(blob, cancellationToken);
        if (leaseId is null)
        {
            return null;
        }

        return new LeaseHandle(blob, leaseId, this);
    }

    private static async Task<string?> TryAcquireLeaseAsync(CloudBlockBlob blob, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await blob.AcquireLeaseAsync(Duration, null, null, null, null, cancellationToken);
            }
            catch (StorageException e) when (Status(e) == HttpStatusCode.Conflict)
            {
                return null;
            }
            catch (StorageException e) when (Status(e) == HttpStatusCode.NotFound && attempt == 0)
            {
                await CreateBlobAsync(blob, cancellationToken);
            }
        }
    }

    private static async Task CreateBlobAsync(CloudBlockBlob blob, CancellationToken cancellationToken)
    {
        await blob.Container.CreateIfNotExistsAsync(BlobContainerPublicAccessType.Off, null, null, cancellationToken);
        try
        {
            await blob.UploadTextAsync(string.Empty, null, AccessCondition.GenerateIfNotExistsCondition(), null, null, cancellationToken);
        }
        catch (StorageException e) when (Status(e) is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed)
        {
            // Another instance created it first.
        }
    }

    private static HttpStatusCode? Status(StorageException e) => (HttpStatusCode?)e.RequestInformation?.HttpStatusCode;

    /// <summary>A held lease: renewed in the background; Lost is cancelled when a renewal fails.</summary>
    public sealed class LeaseHandle : IAsyncDisposable
    {
        private readonly CloudBlockBlob blob;
        private readonly BlobLease owner;
        private readonly CancellationTokenSource stop = new();
        private readonly CancellationTokenSource lost = new();
        private readonly Task renewing;

        internal LeaseHandle(CloudBlockBlob blob, string leaseId, BlobLease owner)
        {
            this.blob = blob;
            this.owner = owner;
            LeaseId = leaseId;
            renewing = RenewAsync();
        }

        public string LeaseId { get; }

        public CancellationToken Lost => lost.Token;

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await renewing;
            try
            {
                await blob.ReleaseLeaseAsync(AccessCondition.GenerateLeaseCondition(LeaseId), null, null, CancellationToken.None);
            }
            catch (StorageException e)
            {
                owner.LogReleaseFailed(e, blob.Name);
            }

            stop.Dispose();
            lost.Dispose();
        }

        private async Task RenewAsync()
        {
            try
            {
                while (true)
                {
                    await Task.Delay(RenewEvery, stop.Token);
                    await blob.RenewLeaseAsync(AccessCondition.GenerateLeaseCondition(LeaseId), null, null, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                owner.LogRenewFailed(e, blob.Name);
                await lost.CancelAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease on lock {Lock} could not be released; it expires by itself")]
    private partial void LogReleaseFailed(Exception exception, string @lock);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lease on lock {Lock} was lost")]
    private partial void LogRenewFailed(Exception exception, string @lock);
}
