using AccessReviewFunctions.Functions.Health;
using AccessReviewFunctions.Functions.Idempotency;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Runtime.Queues;
using AccessReviewFunctions.Functions.Storage.Blobs;
using AccessReviewFunctions.Functions.Storage.Idempotency;
using AccessReviewFunctions.Functions.Storage.Queues;
using AccessReviewFunctions.Functions.Storage.Tables;
using Microsoft.Extensions.Azure;

namespace AccessReviewFunctions.Functions.Storage;

internal static class StorageRegistration
{
    /// <summary>The storage account from "AzureWebJobsStorage", and the runtime's ports on its tables, queues and blobs.</summary>
    public static IServiceCollection AddAzureStorage(this IServiceCollection services)
    {
        services.AddAzureClientsCore();
        services.AddSingleton(sp => StorageConnection.From(sp.GetRequiredService<IConfiguration>()));
        services.AddMetrics();
        services.AddSingleton<StorageMetrics>();
        services.AddSingleton<StorageClients>();
        services.AddSingleton<StorageNames>();
        services.AddSingleton<StorageResources>();
        services.AddSingleton<IQueueTransport, StorageQueueTransport>();
        services.AddSingleton<IPayloadStore, BlobPayloadStore>();
        services.AddSingleton<ILeaseStore, BlobLeaseStore>();
        services.AddSingleton<IPartitionStores, TablePartitionStores>();
        services.AddSingleton<IStorageHealth, StorageHealth>();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        return services;
    }
}
