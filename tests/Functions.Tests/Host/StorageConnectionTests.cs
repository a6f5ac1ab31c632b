using AccessReviewFunctions.Functions.Storage;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AccessReviewFunctions.Functions.Tests.Host;

public sealed class StorageConnectionTests
{
    [Fact]
    public void ConnectionString_UsedAsIs()
    {
        var connection = StorageConnection.From(Config(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Equal("UseDevelopmentStorage=true", connection.ConnectionString);
        Assert.False(connection.UsesIdentity);
    }

    [Fact]
    public void AccountName_ServiceUrisOfTheAccount()
    {
        var connection = StorageConnection.From(Config(("AzureWebJobsStorage:accountName", "reviewsprod")));

        Assert.True(connection.UsesIdentity);
        Assert.Equal(
            ["https://reviewsprod.table.core.windows.net/", "https://reviewsprod.queue.core.windows.net/", "https://reviewsprod.blob.core.windows.net/"],
            new[] { connection.TableUri, connection.QueueUri, connection.BlobUri }.Select(u => u!.ToString()));
    }

    [Fact]
    public void ServiceUris_EachAsGiven_OverTheAccountName()
    {
        var connection = StorageConnection.From(Config(
            ("AzureWebJobsStorage:accountName", "ignored"),
            ("AzureWebJobsStorage:tableServiceUri", "https://tables.example.net/"),
            ("AzureWebJobsStorage:queueServiceUri", "https://queues.example.net/"),
            ("AzureWebJobsStorage:blobServiceUri", "https://blobs.example.net/"),
            ("AzureWebJobsStorage:credential", "managedidentity")));

        Assert.Equal("https://tables.example.net/", connection.TableUri!.ToString());
        Assert.Equal("https://blobs.example.net/", connection.BlobUri!.ToString());
        Assert.Equal("managedidentity", connection.Credential!["credential"]);
    }

    [Fact]
    public void IdentityForm_BuildsClientsWithoutCallingStorage()
    {
        var configuration = Config(("AzureWebJobsStorage:accountName", "reviewsprod"), ("AzureWebJobsStorage:credential", "managedidentity"));
        var collection = new ServiceCollection().AddSingleton(configuration);
        collection.AddAzureClientsCore();
        collection.AddMetrics();
        using var services = collection.BuildServiceProvider();

        var clients = new StorageClients(
            StorageConnection.From(configuration), services.GetRequiredService<AzureComponentFactory>(), new StorageMetrics(services.GetRequiredService<IMeterFactory>()));

        Assert.Equal("reviewsprod", clients.Tables.AccountName);
        Assert.Equal("https://reviewsprod.queue.core.windows.net/", clients.Queues.Uri.ToString());
    }

    [Fact]
    public void Missing_ClearError() =>
        Assert.StartsWith("Setting 'AzureWebJobsStorage' is missing or incomplete", Assert.Throws<InvalidOperationException>(() => StorageConnection.From(Config())).Message, StringComparison.Ordinal);

    [Fact]
    public void OneServiceUriWithoutAccountName_ClearError() =>
        Assert.StartsWith(
            "Setting 'AzureWebJobsStorage' is missing or incomplete",
            Assert.Throws<InvalidOperationException>(() => StorageConnection.From(Config(("AzureWebJobsStorage:tableServiceUri", "https://tables.example.net/")))).Message,
            StringComparison.Ordinal);

    [Fact]
    public void ServiceUriNotAUri_ClearError() =>
        Assert.StartsWith(
            "Setting 'AzureWebJobsStorage__tableServiceUri' must be an absolute http(s) URI, was 'not a uri'",
            Assert.Throws<InvalidOperationException>(() => StorageConnection.From(Config(("AzureWebJobsStorage:accountName", "acct"), ("AzureWebJobsStorage:tableServiceUri", "not a uri")))).Message,
            StringComparison.Ordinal);

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
