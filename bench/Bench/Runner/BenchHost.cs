using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccessReviewFunctions.Bench;

/// <summary>The host in-process (WebApplicationFactory, no network hop) over a run's Azurite, with the bench's settings
/// (<see cref="BenchHostSettings"/>) plus <paramref name="extra"/>, and <paramref name="services"/> swapped in.</summary>
internal sealed class BenchHost(string connectionString, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public Task<HttpClient> ClientAsync(string subject, params string[] roles) => ClientAsync(new { sub = subject, roles });

    public Task<HttpClient> ClientAsync(object claims) => BenchClients.AuthorizeAsync(CreateClient(), claims, TimeSpan.FromMinutes(5));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Bench");
        builder.UseContentRoot(Path.Combine(Functions.Tests.Infrastructure.Azurite.RepoRoot(), "src", "Functions"));
        builder.ConfigureLogging(logging => logging.ClearProviders());
        var settings = BenchHostSettings.For(connectionString, 'b');
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}
