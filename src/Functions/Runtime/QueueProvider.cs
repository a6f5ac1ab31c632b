using System.Collections.Concurrent;
using AccessReviewFunctions.Functions.Storage;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Queue;

namespace AccessReviewFunctions.Functions.Runtime;

/// <summary>Queues by logical name, created on first use; a failed creation is retried on the next call.</summary>
internal sealed class QueueProvider(CloudStorageAccount account, StorageNames names)
{
    private readonly CloudQueueClient client = account.CreateCloudQueueClient();
    private readonly ConcurrentDictionary<string, Lazy<Task<CloudQueue>>> queues = new(StringComparer.Ordinal);

    public static string PoisonName(string queue) => queue + "-poison";

    public async Task<CloudQueue> GetAsync(string queue, CancellationToken cancellationToken)
    {
        var created = queues.GetOrAdd(queue, name => new Lazy<Task<CloudQueue>>(() => CreateAsync(name, cancellationToken)));
        try
        {
            return await created.Value;
        }
        catch
        {
            queues.TryRemove(KeyValuePair.Create(queue, created));
            throw;
        }
    }

    private async Task<CloudQueue> CreateAsync(string queue, CancellationToken cancellationToken)
    {
        var reference = client.GetQueueReference(names.Queue(queue));
        await reference.CreateIfNotExistsAsync(null, null, cancellationToken);
        return reference;
    }
}
