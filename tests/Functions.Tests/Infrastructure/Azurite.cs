using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>
/// Azurite started from the repo's node_modules and stopped on dispose, one process per service (azurite-blob,
/// azurite-queue, azurite-table): in memory on free ports, or (for the fault harness, which stops storage and starts it
/// again) with its data in a folder and on the ports it is given. Separate processes, as the storage services are
/// separate in Azure: Azurite is single-threaded, and in one process the queue service's minute-by-minute cleanup of
/// deleted messages (seconds long once thousands of messages went through) stops every table request with it.
/// </summary>
internal sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly string[] Services = ["blob", "queue", "table"];

    /// <summary>Runs "$@" (an Azurite service) while process $1 lives; stops it when $1 is gone or when itself is stopped.</summary>
    private const string Watchdog = """
        owner=$1; shift
        "$@" & child=$!
        trap 'kill -9 $child 2>/dev/null; exit 0' TERM INT HUP
        while kill -0 "$owner" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done
        kill -9 $child 2>/dev/null
        wait $child
        """;

    /// <summary>How long a watchdog may take to end on SIGTERM: its trap runs once its current <c>sleep 1</c> ends.</summary>
    private static readonly TimeSpan WatchdogGrace = TimeSpan.FromSeconds(3);

    private readonly IReadOnlyList<Process> processes;

    private Azurite(IReadOnlyList<Process> processes, IReadOnlyList<int> ports)
    {
        this.processes = processes;
        Ports = ports;
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey + ";" +
            $"BlobEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{ports[1]}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    /// <summary>The blob, queue and table ports: a restart over the same <c>location</c> on these keeps the connection string.</summary>
    public IReadOnlyList<int> Ports { get; }

    /// <summary>The process ids of the watchdog shells (each service is a child of one), for a harness that must stop them however it ends.</summary>
    public IReadOnlyList<int> ProcessIds => [.. processes.Select(p => p.Id)];

    /// <summary>In memory on free ports, or with its data in <paramref name="location"/> (it survives a stop) on <paramref name="ports"/>.</summary>
    public static async Task<Azurite> StartAsync(string? location = null, IReadOnlyList<int>? ports = null)
    {
        ports ??= [FreePort(), FreePort(), FreePort()];
        var processes = new List<Process>();
        try
        {
            for (var i = 0; i < Services.Length; i++)
            {
                processes.Add(StartService(Services[i], ports[i], location));
            }

            var azurite = new Azurite(processes, ports);
            await azurite.WaitForPortsAsync();
            return azurite;
        }
        catch
        {
            await new Azurite(processes, ports).DisposeAsync();
            throw;
        }
    }

    private static Process StartService(string service, int port, string? location)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var bin = Path.Combine(RepoRoot(), "node_modules", ".bin", "azurite-" + service);
        if (OperatingSystem.IsWindows())
        {
            start.FileName = bin;
        }
        else
        {
            // A test host that is killed runs no exit handler: a watchdog stops the service within a second of it.
            start.FileName = "/bin/sh";
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(Watchdog);
            start.ArgumentList.Add("azurite-watchdog");
            start.ArgumentList.Add(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.ArgumentList.Add(bin);
        }

        List<string> arguments = ["--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose"];
        arguments.AddRange(location is null ? ["--inMemoryPersistence"] : ["--location", location]);
        arguments.AddRange([$"--{service}Port", Text(port), $"--{service}Host", "127.0.0.1"]);
        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"azurite-{service} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AccessReviewFunctions.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }

    /// <summary>
    /// Stops Azurite as Ctrl-C does (SIGINT to each service's node process, so a <c>location</c> is saved: azurite-table
    /// saves on SIGINT only, SIGTERM ends it with the writes since its last autosave lost), within
    /// <paramref name="timeout"/>, then kills what is left.
    /// </summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (!OperatingSystem.IsWindows())
        {
            using var bounded = new CancellationTokenSource(timeout);
            foreach (var process in processes.Where(p => !p.HasExited))
            {
                using var signal = Process.Start("pkill", ["-INT", "-P", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await signal.WaitForExitAsync();
            }

            try
            {
                await Task.WhenAll(processes.Select(p => p.WaitForExitAsync(bounded.Token)));
            }
            catch (OperationCanceledException)
            {
                // Did not stop in time: the kill below.
            }
        }

        await DisposeAsync();
    }

    /// <summary>
    /// Ends each service through its watchdog: SIGTERM, whose trap kills the service and exits, then a kill of what is
    /// left after <see cref="WatchdogGrace"/>. Killing the tree first stops the watchdog (SIGSTOP, then SIGKILL to each
    /// process: .NET's <c>Kill(entireProcessTree)</c>); a test host ended between the two left the watchdog stopped,
    /// so it never saw its owner go, and the service ran on after <c>make test</c>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var running = processes.Where(p => !p.HasExited).ToList();
        if (!OperatingSystem.IsWindows() && running.Count > 0)
        {
            using var term = Process.Start("kill", ["-TERM", .. running.Select(p => Text(p.Id))]);
            await term!.WaitForExitAsync();
            using var bounded = new CancellationTokenSource(WatchdogGrace);
            try
            {
                await Task.WhenAll(running.Select(p => p.WaitForExitAsync(bounded.Token)));
            }
            catch (OperationCanceledException)
            {
                // A watchdog that did not end in time: the kill below.
            }
        }

        foreach (var process in processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }

    private static string Text(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A loopback port free right now (for Azurite, a child host, a relay).</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitForPortsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var i = 0; i < processes.Count; i++)
        {
            while (true)
            {
                if (processes[i].HasExited)
                {
                    throw new InvalidOperationException($"azurite-{Services[i]} exited with {processes[i].ExitCode}");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, Ports[i]);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }
        }
    }
}
