using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Bench.Shared;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccessReviewFunctions.ReportBench;

/// <summary>The host in-process over the bench's Azurite, its server inventory synthetic unless read from tables; clients are a team's security_admin.</summary>
internal sealed class ReportHost(string connectionString, int rows, bool tables) : WebApplicationFactory<Program>
{
    public const string Reports = "/v1/teams/bench/access_reports";

    public async Task<HttpClient> ClientAsync()
    {
        var client = CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10);
        var token = await (await client.PostAsJsonAsync("/dev/token", new { sub = "00ubenchadmin0000001", roles = new[] { "security_admin" }, team = "bench" }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Bench");
        builder.UseContentRoot(Path.Combine(Azurite.RepoRoot(), "src", "Functions"));
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(BenchHostSettings.For(connectionString, 'r')));
        if (!tables)
        {
            builder.ConfigureServices(services => services.AddSingleton<IServerInventory>(new SyntheticServerInventory(rows)));
        }
    }
}
