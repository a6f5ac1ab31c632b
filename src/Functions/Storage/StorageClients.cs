using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;

namespace AccessReviewFunctions.Functions.Storage;

/// <summary>The three service clients of the storage account, built once from <see cref="StorageConnection"/>, with bounded retries and timeouts (<see cref="StorageFaults"/>) and each request counted (<see cref="StorageMetrics"/>).</summary>
internal sealed class StorageClients
{
    public StorageClients(StorageConnection connection, AzureComponentFactory components, StorageMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var tableOptions = new TableClientOptions();
        var blobOptions = new BlobClientOptions();
        StorageFaults.Bound(queueOptions);
        StorageFaults.Bound(tableOptions);
        StorageFaults.Bound(blobOptions);
        metrics.CountOn(queueOptions, "queue");
        metrics.CountOn(tableOptions, "table");
        metrics.CountOn(blobOptions, "blob");
        if (connection.ConnectionString is { } text)
        {
            Tables = new TableServiceClient(text, tableOptions);
            Queues = new QueueServiceClient(text, queueOptions);
            Blobs = new BlobServiceClient(text, blobOptions);
            return;
        }

        TokenCredential credential = components.CreateTokenCredential(connection.Credential!);
        Tables = new TableServiceClient(connection.TableUri!, credential, tableOptions);
        Queues = new QueueServiceClient(connection.QueueUri!, credential, queueOptions);
        Blobs = new BlobServiceClient(connection.BlobUri!, credential, blobOptions);
    }

    public TableServiceClient Tables { get; }

    /// <summary>Messages are base64 on the wire, as the Functions queue trigger writes and reads them.</summary>
    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }
}
