using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>
/// The real host as a child process (<c>dotnet AccessReviewFunctions.Functions.dll</c>, the build beside the calling
/// program) on a free port, against the Azurite and in the storage prefix it is given, on the real clock: for what only a
/// separate process shows, a <c>kill -9</c> in the middle of work and a restart over the same storage. The bench links
/// this file too (several hosts over one Azurite); the tests' shorthand is in HostProcess.Testing.cs.
/// </summary>
internal sealed partial class HostProcess : IDisposable
{
    private readonly Process process;

    private HostProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts the host over <paramref name="connectionString"/> and waits until /healthz answers 200;
    /// <paramref name="settings"/> (environment variables) must include Auth__SigningKey.</summary>
    public static async Task<HostProcess> StartAsync(string connectionString, string prefix, IDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = Azurite.FreePort();
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(directory, "AccessReviewFunctions.Functions.dll"), "--contentRoot", directory, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["AzureWebJobsStorage"] = connectionString,
            ["Storage__Prefix"] = prefix,
            ["Auth__DevTokens"] = "true",
            ["Inventory__LoadDemoData"] = "false",
            ["RateLimiting__PermitLimit"] = "1000000",
            ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.500",
            ["AzureFunctionsJobHost__logging__logLevel__default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var client = host.Client();
        await Eventually.GetAsync(
            async () => process.HasExited ? HttpStatusCode.Gone : await StatusAsync(client),
            s => s is HttpStatusCode.OK or HttpStatusCode.Gone,
            TimeSpan.FromSeconds(60),
            "the child host to answer /healthz");
        return process.HasExited ? throw new InvalidOperationException($"the child host exited with {process.ExitCode}") : host;
    }

    public HttpClient Client() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client with a development token for <paramref name="subject"/> and <paramref name="roles"/>.</summary>
    public async Task<HttpClient> AsAsync(string subject, params string[] roles)
    {
        var client = Client();
        var response = await client.PostAsJsonAsync("/dev/token", new { sub = subject, roles });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown, no settling of messages in flight.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return HttpStatusCode.ServiceUnavailable;
        }
    }
}
