using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>
/// A TCP relay in front of the shared test Azurite, one port per service, that a test can take down (every
/// connection closed, new ones refused, as when storage stops) and bring back on the same ports, data intact.
/// </summary>
internal sealed partial class StorageOutage : IAsyncDisposable
{
    private readonly List<(int Listen, int Target)> ports = [];
    private readonly List<TcpListener> listeners = [];
    private readonly List<TcpClient> connections = [];
    private readonly Lock gate = new();
    private CancellationTokenSource running = new();

    public StorageOutage()
    {
        var target = TestStorage.ConnectionString;
        ConnectionString = Endpoint().Replace(target, m =>
        {
            var listen = Azurite.FreePort();
            ports.Add((listen, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));
            return $"{m.Groups[1].Value}{listen}";
        });
        Start();
    }

    /// <summary>The connection string of the relay: give it to the host under test.</summary>
    public string ConnectionString { get; }

    public void Start()
    {
        lock (gate)
        {
            running = new CancellationTokenSource();
            foreach (var (listen, target) in ports)
            {
                var listener = new TcpListener(IPAddress.Loopback, listen);
                listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                listener.Start();
                listeners.Add(listener);
                _ = AcceptAsync(listener, target, running.Token);
            }
        }
    }

    /// <summary>Storage stops: listeners closed (connection refused) and every open connection cut.</summary>
    public void Stop()
    {
        lock (gate)
        {
            running.Cancel();
            running.Dispose();
            listeners.ForEach(l => l.Stop());
            listeners.Clear();
            connections.ForEach(c => c.Dispose());
            connections.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener listener, int target, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(IPAddress.Loopback, target, cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (gate)
            {
                connections.Add(inbound);
                connections.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound, cancellationToken);
            _ = PumpAsync(outbound, inbound, cancellationToken);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken cancellationToken)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), cancellationToken);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // Cut by Stop, or the other side closed.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }


    [GeneratedRegex(@"(http://127\.0\.0\.1:)(\d+)")]
    private static partial Regex Endpoint();
}
