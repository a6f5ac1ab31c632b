using AccessReviewFunctions.Functions.Runtime.Queues;

namespace AccessReviewFunctions.Functions.Storage.Blobs;

/// <summary>Message bodies too large for a queue message, in container "payloads".</summary>
internal sealed class BlobPayloadStore(StorageResources resources) : IPayloadStore
{
    public const string ContainerName = "payloads";

    public async Task<string> WriteAsync(string prefix, string text, CancellationToken cancellationToken)
    {
        var container = await resources.ContainerAsync(ContainerName, cancellationToken);
        var name = $"{prefix}-{Guid.NewGuid():N}";
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), cancellationToken);
        return name;
    }

    public async Task<string> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var container = await resources.ContainerAsync(ContainerName, cancellationToken);
        var content = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToString();
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var container = await resources.ContainerAsync(ContainerName, cancellationToken);
        await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }
}
