using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace AccessReviewFunctions.Functions.Storage;

/// <summary>Tables, queues and containers by logical name (before the prefix), each created once on first use.</summary>
internal sealed class StorageResources
{
    private readonly StorageNames names;
    private readonly CreateOnce<TableClient> tables;
    private readonly CreateOnce<QueueClient> queues;
    private readonly CreateOnce<BlobContainerClient> containers;

    public StorageResources(StorageClients clients, StorageNames names)
    {
        this.names = names;
        tables = new CreateOnce<TableClient>(async name =>
        {
            var table = clients.Tables.GetTableClient(name);
            await table.CreateIfNotExistsAsync();
            return table;
        });
        queues = new CreateOnce<QueueClient>(async name =>
        {
            var queue = clients.Queues.GetQueueClient(name);
            await queue.CreateIfNotExistsAsync();
            return queue;
        });
        containers = new CreateOnce<BlobContainerClient>(async name =>
        {
            var container = clients.Blobs.GetBlobContainerClient(name);
            await container.CreateIfNotExistsAsync();
            return container;
        });
    }

    public Task<TableClient> TableAsync(string name, CancellationToken cancellationToken) => tables.GetAsync(names.Table(name), cancellationToken);

    public Task<QueueClient> QueueAsync(string name, CancellationToken cancellationToken) => queues.GetAsync(names.Queue(name), cancellationToken);

    public Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken) =>
        containers.GetAsync(names.Container(name), cancellationToken);
}
