using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>
/// The real host over HTTP against the shared test Azurite, in a storage namespace of its own,
/// with a clock the test moves.
/// </summary>
public sealed class ApiHost : WebApplicationFactory<Program>
{
    public const string SigningKey = "integration-test-signing-key-0123456789abcdef";
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? configureServices;

    public ApiHost(IDictionary<string, string?>? overrides = null, DateTimeOffset? start = null, Action<IServiceCollection>? services = null)
    {
        configureServices = services;
        Clock = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        Prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
            ["Storage:Prefix"] = Prefix,
            ["Auth:DevTokens"] = "true",
            ["Auth:SigningKey"] = SigningKey,
            ["Inventory:LoadDemoData"] = "false",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00.200",
            ["AzureFunctionsJobHost:logging:logLevel:default"] = "Warning",
            // The fake clock stands still, so polling loops would spend a real budget; RateLimitTests set their own.
            ["RateLimiting:PermitLimit"] = "1000000",
            // Tests of other parts keep the inventory and the queues as their decisions left them; remediation tests turn it on.
            ["Remediation:Enabled"] = "false",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    /// <summary>The sweeper's schedule: a test of the durable timer sets it to <see cref="Never"/> so only the timer can close a review.</summary>
    public const string SweeperSchedule = "AzureFunctionsJobHost:timers:sweeper";

    /// <summary>The outbox job's schedule: a test of the dispatch on redelivery sets it to <see cref="Never"/>.</summary>
    public const string OutboxSchedule = "AzureFunctionsJobHost:timers:outbox";

    /// <summary>A schedule no test's clock reaches.</summary>
    public const string Never = "3650.00:00:00";

    /// <summary>The socket address of every test request unless <see cref="PeerHeader"/> names another.</summary>
    public const string DefaultPeer = "192.0.2.10";

    /// <summary>A test-only header: the address the request's connection comes from.</summary>
    public const string PeerHeader = "X-Test-Peer";

    public FakeTimeProvider Clock { get; }

    public string Prefix { get; }

    public HttpClient As(string subject, params string[] roles)
    {
        var client = CreateClient();
        var response = client.PostAsJsonAsync("/dev/token", new { sub = subject, roles }).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        var token = response.Content.ReadFromJsonAsync<TokenResponse>().GetAwaiter().GetResult()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.access_token);
        return client;
    }

    public HttpClient AsAdmin(string subject = "00uadmin000000000001") => As(subject, "SUPER_ADMIN");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddTransient<IStartupFilter, TestPeer>();
            configureServices?.Invoke(services);
        });
    }

    private sealed record TokenResponse(string access_token);

    /// <summary>The test server has no socket: a request comes from the address in <see cref="PeerHeader"/>, else the one the test set, else <see cref="DefaultPeer"/>.</summary>
    private sealed class TestPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                // A test that sets the connection's address itself (host.Server.SendAsync) keeps it.
                var peer = context.Request.Headers[PeerHeader].ToString();
                if (peer.Length > 0 || context.Connection.RemoteIpAddress is null)
                {
                    context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(peer.Length > 0 ? peer : DefaultPeer);
                }
                return following(context);
            });
            next(app);
        };
    }
}
