using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>
/// The real host as a child process (<c>dotnet AccessReviewFunctions.Functions.dll</c>) on a free port, against the
/// storage and in the storage prefix it is given, on the real clock: for what only a separate process shows, a
/// <c>kill -9</c> in the middle of work and a restart over the same storage. The tests start the build they reference
/// against the shared test Azurite (HostProcess.Testing.cs); the fault harness (bench/Faults) links this file alone.
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

    /// <summary>Starts the host built into <paramref name="directory"/> and waits until /healthz answers 200.</summary>
    public static async Task<HostProcess> StartAsync(string directory, string connectionString, string signingKey, string prefix, IDictionary<string, string>? settings = null)
    {
        var port = Azurite.FreePort();
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
            ["Auth__SigningKey"] = signingKey,
            ["Inventory__LoadDemoData"] = "false",
            ["RateLimiting__PermitLimit"] = "1000000",
            ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.500",
            ["AzureFunctionsJobHost__logging__logLevel__default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
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

    /// <summary>The child's process id, for a harness that must stop it however it itself ends.</summary>
    public int ProcessId => process.Id;

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
