using AccessReviewFunctions.Functions.Reports;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace AccessReviewFunctions.Functions.Storage.Reports;

/// <summary>Report files as block blobs in container "reports", named "{reportId}/…", written with OpenWriteAsync as they are produced.</summary>
internal sealed class BlobReportFiles(StorageResources resources) : IReportFiles
{
    public const string ContainerName = "reports";

    public async Task<Stream> OpenWriteAsync(string name, CancellationToken cancellationToken)
    {
        var container = await resources.ContainerAsync(ContainerName, cancellationToken);
        return await container.GetBlockBlobClient(name).OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken);
    }

    public async Task CopyToAsync(IReadOnlyList<string> names, Stream destination, CancellationToken cancellationToken)
    {
        var container = await resources.ContainerAsync(ContainerName, cancellationToken);
        foreach (var name in names)
        {
            await container.GetBlobClient(name).DownloadToAsync(destination, cancellationToken);
        }
    }

    public async Task DeleteAllAsync(string reportId, CancellationToken cancellationToken)
    {
        var container = await resources.ContainerAsync(ContainerName, cancellationToken);
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, reportId + "/", cancellationToken))
        {
            await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
        }
    }
}
