using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
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
    public async Task<HttpClient> ClientAsync(string subject, params string[] roles)
    {
        var client = CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        var token = await (await client.PostAsJsonAsync("/dev/token", new { sub = subject, roles })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Bench");
        builder.UseContentRoot(Path.Combine(Azurite.RepoRoot(), "src", "Functions"));
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(BenchHostSettings.For(connectionString, 'd')));
    }
}
