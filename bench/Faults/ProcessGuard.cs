using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AccessReviewFunctions.Faults;

/// <summary>
/// Every process the harness started (Azurite's watchdog shell, the hosts), stopped with their children when the
/// harness is interrupted (Ctrl-C, SIGTERM, SIGHUP) or exits any other way it can see. Azurite's watchdog also
/// stops Azurite within a second when the harness itself is killed.
/// </summary>
internal static class ProcessGuard
{
    private static readonly ConcurrentDictionary<int, byte> Started = new();
    private static readonly List<PosixSignalRegistration> Registrations = [];

    public static void Install()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            Registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                Console.Error.WriteLine($"{context.Signal}: stopping the {Started.Count} processes the harness started");
                StopAll();
                Environment.Exit(130);
            }));
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
    }

    public static void Track(int processId) => Started.TryAdd(processId, 0);

    public static void Forget(int processId) => Started.TryRemove(processId, out _);

    private static void StopAll()
    {
        foreach (var id in Started.Keys)
        {
            try
            {
                using var process = Process.GetProcessById(id);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }

            Forget(id);
        }
    }
}
