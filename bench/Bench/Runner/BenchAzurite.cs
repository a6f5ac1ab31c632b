using System.ComponentModel;
using AccessReviewFunctions.Functions.Tests.Infrastructure;

namespace AccessReviewFunctions.Bench;

/// <summary>Starts the tests' in-memory Azurite for a bench, or says why it could not.</summary>
internal static class BenchAzurite
{
    private const string Hint = "run npm install in the repository root (or make tools), then try again";

    public static bool Installed => Directory.Exists(Path.Combine(Azurite.RepoRoot(), "node_modules", "azurite"));

    public static async Task<Azurite?> TryStartAsync()
    {
        try
        {
            if (!Installed)
            {
                await Console.Error.WriteLineAsync($"Azurite is not installed (node_modules/azurite is missing): {Hint}.");
                return null;
            }

            return await Azurite.StartAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            await Console.Error.WriteLineAsync($"Azurite could not start ({e.Message}): if it is installed, the machine may be too busy to start it in time; else {Hint}.");
            return null;
        }
    }
}
