using System.Collections.Concurrent;
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
        var counted = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            // only this test's meter: other tests' hosts count on meters of their own factories
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name == StorageMetrics.OperationsName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var tag = tags.ToArray().ToDictionary(t => t.Key, t => (string)t.Value!);
            counted.AddOrUpdate($"{tag["service"]} {tag["operation"]}", value, (_, n) => n + value);
        });
        listener.Start();

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
            counted.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal));
    }
}
