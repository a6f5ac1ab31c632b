using AccessReviewFunctions.Bench.Shared;
using AccessReviewFunctions.Functions.Runtime.Queues;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccessReviewFunctions.RemediationBench;

/// <summary>
/// The host in-process over the bench's Azurite, remediating through the webhook connector at <paramref name="webhook"/>;
/// its clock is a fake one the bench moves past the review's end (the automatic rejection at expiry revokes every
/// item); its queue calls are counted.
/// </summary>
internal sealed class RemediationHost(string connectionString, Uri webhook, QueueCounts counts) : WebApplicationFactory<Program>
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public Task<HttpClient> ClientAsync(string subject, params string[] roles) => BenchClients.AuthorizeAsync(CreateClient(), new { sub = subject, roles }, TimeSpan.FromMinutes(10));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Bench");
        builder.UseContentRoot(Path.Combine(Azurite.RepoRoot(), "src", "Functions"));
        builder.ConfigureLogging(logging => logging.ClearProviders());
        var settings = BenchHostSettings.For(connectionString, 'm');
        settings["Remediation:Enabled"] = "true";
        settings["Remediation:DefaultConnector"] = "webhook";
        settings["Remediation:Webhook:Url"] = webhook.AbsoluteUri;
        settings["Remediation:Webhook:Secret"] = "bench-webhook-secret";
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<IQueueTransport>();
            services.AddSingleton<IQueueTransport>(sp => new CountingQueueTransport(
                ActivatorUtilities.CreateInstance<Functions.Storage.Queues.StorageQueueTransport>(sp), counts));
        });
    }
}
