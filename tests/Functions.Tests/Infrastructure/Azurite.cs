using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>
/// One Azurite process started from the repo's node_modules and stopped on dispose: in memory on free ports, or (for the
/// fault harness, which stops storage and starts it again) with its data in a folder and on the ports it is given.
/// </summary>
internal sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    /// <summary>Runs "$@" (Azurite) while process $1 lives; stops it when $1 is gone or when itself is stopped.</summary>
    private const string Watchdog = """
        owner=$1; shift
        "$@" & child=$!
        trap 'kill -9 $child 2>/dev/null; exit 0' TERM INT HUP
        while kill -0 "$owner" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done
        kill -9 $child 2>/dev/null
        wait $child
        """;

    private readonly Process process;

    private Azurite(Process process, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        Ports = [blobPort, queuePort, tablePort];
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey + ";" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    /// <summary>The blob, queue and table ports: a restart over the same <c>location</c> on these keeps the connection string.</summary>
    public IReadOnlyList<int> Ports { get; }

    /// <summary>The process id of the watchdog shell (Azurite is its child), for a harness that must stop it however it ends.</summary>
    public int ProcessId => process.Id;

    /// <summary>In memory on free ports, or with its data in <paramref name="location"/> (it survives a stop) on <paramref name="ports"/>.</summary>
    public static async Task<Azurite> StartAsync(string? location = null, IReadOnlyList<int>? ports = null)
    {
        ports ??= [FreePort(), FreePort(), FreePort()];
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var azuriteBin = Path.Combine(RepoRoot(), "node_modules", ".bin", "azurite");
        if (OperatingSystem.IsWindows())
        {
            start.FileName = azuriteBin;
        }
        else
        {
            // A test host that is killed runs no exit handler: a watchdog stops Azurite within a second of it.
            start.FileName = "/bin/sh";
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(Watchdog);
            start.ArgumentList.Add("azurite-watchdog");
            start.ArgumentList.Add(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.ArgumentList.Add(azuriteBin);
        }

        List<string> arguments = ["--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose"];
        arguments.AddRange(location is null ? ["--inMemoryPersistence"] : ["--location", location]);
        arguments.AddRange(
        [
            "--blobPort", Text(ports[0]), "--queuePort", Text(ports[1]), "--tablePort", Text(ports[2]),
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
        ]);
        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new Azurite(process, ports[0], ports[1], ports[2]);
        await azurite.WaitForPortsAsync([.. ports]);
        return azurite;
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
    /// Stops Azurite as Ctrl-C does (SIGTERM to the node process, so a <c>location</c> is saved), within
    /// <paramref name="timeout"/>, then kills what is left.
    /// </summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (!OperatingSystem.IsWindows() && !process.HasExited)
        {
            using var signal = Process.Start("pkill", ["-TERM", "-P", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await signal.WaitForExitAsync();
            using var bounded = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(bounded.Token);
            }
            catch (OperationCanceledException)
            {
                // Did not stop in time: the kill below.
            }
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static string Text(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A loopback port free right now (for Azurite, a child host, a relay).</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitForPortsAsync(int[] ports)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var port in ports)
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with {process.ExitCode}");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
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
