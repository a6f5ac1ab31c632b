using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;

namespace AccessReviewFunctions.Functions.Storage;

/// <summary>The three service clients of the storage account, built once from <see cref="StorageConnection"/>.</summary>
internal sealed class StorageClients
{
    public StorageClients(StorageConnection connection, AzureComponentFactory components)
    {
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (connection.ConnectionString is { } text)
        {
            Tables = new TableServiceClient(text);
            Queues = new QueueServiceClient(text, queueOptions);
            Blobs = new BlobServiceClient(text);
            return;
        }

        TokenCredential credential = components.CreateTokenCredential(connection.Credential!);
        Tables = new TableServiceClient(connection.TableUri!, credential);
        Queues = new QueueServiceClient(connection.QueueUri!, credential, queueOptions);
        Blobs = new BlobServiceClient(connection.BlobUri!, credential);
    }

    public TableServiceClient Tables { get; }

    /// <summary>Messages are base64 on the wire, as the Functions queue trigger writes and reads them.</summary>
    public QueueServiceClient Queues { get; }

    public BlobServiceClient Blobs { get; }
}
