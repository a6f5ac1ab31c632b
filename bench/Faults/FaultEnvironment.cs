using AccessReviewFunctions.Functions.Tests.Infrastructure;

namespace AccessReviewFunctions.Faults;

/// <summary>
/// One Azurite (in memory, or with its data in a folder so it survives a stop) and host child processes sharing it
/// under one storage prefix, remediating through the harness's webhook. Hosts are killed and started again, Azurite
/// stopped and started again on the same ports; <see cref="Api"/> sends each request to a host that answers.
/// </summary>
internal sealed class FaultEnvironment : IAsyncDisposable
{
    public const string SigningKey = "fault-harness-signing-key-0123456789abcdef";

    private readonly Dictionary<string, string> settings;
    private readonly HostProcess?[] hosts;
    private readonly string? location;
    private Azurite? azurite;

    private FaultEnvironment(string? location, int hostCount, Dictionary<string, string> settings)
    {
        this.location = location;
        this.settings = settings;
        hosts = new HostProcess?[hostCount];
        Prefix = settings["Storage__Prefix"];
        Api = new Api(() => hosts);
    }

    public Api Api { get; }

    public string Prefix { get; }

    public string ConnectionString => azurite!.ConnectionString;

    public static string HostDirectory => Path.Combine(Azurite.RepoRoot(), "src", "Functions", "bin", "Release", "net10.0");

    /// <summary>Starts Azurite (<paramref name="location"/> null: in memory) and <paramref name="hostCount"/> hosts.</summary>
    public static async Task<FaultEnvironment> StartAsync(string? location, int hostCount, Receiver receiver)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage__Prefix"] = "f" + Guid.NewGuid().ToString("N")[..10],
            ["Auth__SigningKey"] = SigningKey,
            ["RateLimiting__Enabled"] = "false",
            ["Remediation__Enabled"] = "true",
            ["Remediation__DefaultConnector"] = "webhook",
            ["Remediation__Webhook__Url"] = receiver.Url.AbsoluteUri,
            ["Remediation__Webhook__Secret"] = "fault-harness-webhook",
            ["Reviews__MinDuration"] = "00:00:05",
            ["Reviews__MaxOpenReviewsPerPrincipal"] = "1000",
        };
        var environment = new FaultEnvironment(location, hostCount, settings);
        try
        {
            await environment.StartStorageAsync();
            await Task.WhenAll(Enumerable.Range(0, hostCount).Select(environment.StartHostAsync));
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL of host <paramref name="index"/>: no shutdown, nothing settled.</summary>
    public void KillHost(int index)
    {
        var host = hosts[index];
        hosts[index] = null;
        if (host is not null)
        {
            ProcessGuard.Forget(host.ProcessId);
            host.Dispose();
        }
    }

    public async Task StartHostAsync(int index)
    {
        var host = await HostProcess.StartAsync(HostDirectory, ConnectionString, SigningKey, Prefix, settings);
        ProcessGuard.Track(host.ProcessId);
        hosts[index] = host;
    }

    /// <summary>Stops Azurite as Ctrl-C does (its folder keeps the data).</summary>
    public async Task StopStorageAsync()
    {
        ForgetStorage();
        await azurite!.StopAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>Starts Azurite; again: over the same folder and on the same ports, so the hosts' connection string still holds.</summary>
    public async Task StartStorageAsync()
    {
        azurite = await Azurite.StartAsync(location, azurite?.Ports);
        foreach (var id in azurite.ProcessIds)
        {
            ProcessGuard.Track(id);
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < hosts.Length; i++)
        {
            KillHost(i);
        }

        if (azurite is not null)
        {
            ForgetStorage();
            await azurite.DisposeAsync();
        }

        Api.Dispose();
    }

    private void ForgetStorage()
    {
        foreach (var id in azurite!.ProcessIds)
        {
            ProcessGuard.Forget(id);
        }
    }
}
