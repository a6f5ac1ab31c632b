using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>
/// The real host as a child process (the built AccessReviewFunctions.Functions.dll) on a free loopback port, against
/// the test Azurite in a storage prefix of its own, so a test can kill it with SIGKILL (<see cref="KillAsync"/>)
/// in the middle of its work and start it again over the same storage. The wall clock is real here.
/// </summary>
internal sealed class RemediationChildHost : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;
    private Process? process;

    public RemediationChildHost(IDictionary<string, string> settings)
    {
        Prefix = "c" + Guid.NewGuid().ToString("N")[..10];
        environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
            ["Storage__Prefix"] = Prefix,
            ["Auth__DevTokens"] = "true",
            ["Auth__SigningKey"] = ApiHost.SigningKey,
            ["Inventory__LoadDemoData"] = "false",
            ["RateLimiting__Enabled"] = "false",
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["AzureFunctionsJobHost__logging__logLevel__default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
    }

    public string Prefix { get; }

    public Uri? Url { get; private set; }

    public async Task StartAsync()
    {
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        var dll = Path.Combine(RepoRoot(), "src", "Functions", "bin", "Debug", "net10.0", "AccessReviewFunctions.Functions.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = Url.AbsoluteUri;
        process = Process.Start(start) ?? throw new InvalidOperationException("the host did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = Url };
        await Eventually.GetAsync(
            async () =>
            {
                try
                {
                    return (await probe.GetAsync(new Uri("healthz", UriKind.Relative))).StatusCode;
                }
                catch (HttpRequestException)
                {
                    return HttpStatusCode.ServiceUnavailable;
                }
            },
            s => s == HttpStatusCode.OK || process.HasExited,
            TimeSpan.FromMinutes(2),
            "the child host to answer /healthz");
        if (process.HasExited)
        {
            throw new InvalidOperationException($"the child host exited with {process.ExitCode}");
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing; whatever the host was doing stops mid-way.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    public HttpClient As(string subject, params string[] roles)
    {
        var client = new HttpClient { BaseAddress = Url };
        var token = client.PostAsJsonAsync("/dev/token", new { sub = subject, roles }).GetAwaiter().GetResult()
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>().GetAwaiter().GetResult().GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AccessReviewFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no AccessReviewFunctions.sln above the test binaries");
    }
}
