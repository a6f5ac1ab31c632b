using System.Diagnostics.Metrics;
using AccessReviewFunctions.Functions.Storage;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Azure.Data.Tables;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AccessReviewFunctions.Functions.Tests.Host;

public sealed class StorageMetricsTests
{
    [Fact]
    public async Task StorageClients_EachRequest_CountedByServiceAndOperation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = TestStorage.ConnectionString }).Build();
        var collection = new ServiceCollection();
        collection.AddAzureClientsCore();
        collection.AddMetrics();
        await using var services = collection.BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var clients = new StorageClients(StorageConnection.From(configuration), services.GetRequiredService<AzureComponentFactory>(), new StorageMetrics(factory));
        using var calls = new StorageCalls(factory);

        var table = clients.Tables.GetTableClient("metrics" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateAsync();
        await table.AddEntityAsync(new TableEntity("p", "single"));
        await table.SubmitTransactionAsync(Enumerable.Range(0, 3).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}"))));
        await table.GetEntityAsync<TableEntity>("p", "single");
        await foreach (var page in table.QueryAsync<TableEntity>("PartitionKey eq 'p'").AsPages())
        {
            Assert.Equal(4, page.Values.Count);
        }
        var queue = clients.Queues.GetQueueClient("metrics" + Guid.NewGuid().ToString("N")[..12]);
        await queue.CreateAsync();
        await queue.SendMessageAsync("hello");
        var received = (await queue.ReceiveMessageAsync()).Value;
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);

        Assert.Equal(
            new Dictionary<string, long>
            {
                ["table create-table"] = 1, ["table insert"] = 1, ["table transaction"] = 1, ["table get"] = 1, ["table query"] = 1,
                ["queue queue-admin"] = 1, ["queue send"] = 1, ["queue receive"] = 1, ["queue delete"] = 1,
            },
            calls.Counts);
    }
}
