using System.Text;
using AccessReviewFunctions.Functions.Storage;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Blob;

namespace AccessReviewFunctions.Functions.Runtime;

/// <summary>Message bodies too large for a queue message, in container "payloads".</summary>
internal sealed class PayloadStore(CloudStorageAccount account, StorageNames names)
{
    public const string ContainerName = "payloads";
    private readonly CloudBlobContainer container = account.CreateCloudBlobClient().GetContainerReference(names.Container(ContainerName));
    private volatile bool created;

    public async Task<string> WriteAsync(string prefix, string text, CancellationToken cancellationToken)
    {
        if (!created)
        {
            await container.CreateIfNotExistsAsync(BlobContainerPublicAccessType.Off, null, null, cancellationToken);
            created = true;
        }

        var name = $"{prefix}-{Guid.NewGuid():N}";
        await container.GetBlockBlobReference(name).UploadTextAsync(text, Encoding.UTF8, null, null, null, cancellationToken);
        return name;
    }

    public Task<string> ReadAsync(string name, CancellationToken cancellationToken) =>
        container.GetBlockBlobReference(name).DownloadTextAsync(Encoding.UTF8, null, null, null, cancellationToken);

    public Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        container.GetBlockBlobReference(name).DeleteIfExistsAsync(DeleteSnapshotsOption.None, null, null, null, cancellationToken);

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) =>
        container.GetBlockBlobReference(name).ExistsAsync(null, null, cancellationToken);
}
