using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Functions.Storage;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace AccessReviewFunctions.Functions.Tests.Runtime;

/// <summary>Just the workflow runtime on a generic host, against the shared Azurite in a storage namespace of its own.</summary>
internal sealed class RuntimeHost : IAsyncDisposable
{
    private readonly IHost host;

    private RuntimeHost(IHost host, string prefix, FakeTimeProvider clock)
    {
        this.host = host;
        Names = new StorageNames(prefix);
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public StorageNames Names { get; }

    public string Prefix => Names.Prefix;

    public IServiceProvider Services => host.Services;

    public IMessageSender Sender => Services.GetRequiredService<IMessageSender>();

    public Recorder Recorder => Services.GetRequiredService<Recorder>();

    /// <param name="prefix">The storage namespace of another host, to share its queues; a new one by default.</param>
    public static async Task<RuntimeHost> StartAsync(Action<IServiceCollection> configure, IDictionary<string, string?>? settings = null, string? prefix = null)
    {
        prefix ??= "r" + Guid.NewGuid().ToString("N")[..10];
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
            ["Storage:Prefix"] = prefix,
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00.200",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddAzureStorage();
        builder.Services.AddSingleton<Recorder>();
        builder.Services.AddWorkflowRuntime(builder.Configuration);
        configure(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new RuntimeHost(host, prefix, clock);
    }

    public QueueClient Queue(string name) => Services.GetRequiredService<StorageClients>().Queues.GetQueueClient(Names.Queue(name));

    public BlobContainerClient Container(string name) => Services.GetRequiredService<StorageClients>().Blobs.GetBlobContainerClient(Names.Container(name));

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StopAsync(timeout.Token);
        host.Dispose();
    }
}
