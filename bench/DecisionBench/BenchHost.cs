using AccessReviewFunctions.Bench.Shared;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AccessReviewFunctions.DecisionBench;

/// <summary>The host in-process (no network hop) over the bench's Azurite; clients carry a development token.</summary>
internal sealed class BenchHost(string connectionString) : WebApplicationFactory<Program>
{
    public Task<HttpClient> ClientAsync(string subject, params string[] roles) => BenchClients.AuthorizeAsync(CreateClient(), new { sub = subject, roles }, TimeSpan.FromMinutes(5));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Bench");
        builder.UseContentRoot(Path.Combine(Azurite.RepoRoot(), "src", "Functions"));
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(BenchHostSettings.For(connectionString, 'd')));
    }
}
