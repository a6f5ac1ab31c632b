using System.Diagnostics;
using System.Globalization;

namespace AccessReviewFunctions.Bench;

/// <summary>The one table at the end: figure, target, median, min, max, runs, the storage ceiling beside end-to-end
/// figures, the verdict; above it the machine, the commit and the background load.</summary>
internal static class ResultTable
{
    public static async Task PrintAsync(IEnumerable<Series> results, Ceiling? ceiling, int runs, string loadBefore)
    {
        Console.WriteLine();
        Console.WriteLine($"machine: nproc {Environment.ProcessorCount}, memory {MemoryGiB()}; commit {await CommitAsync()}; {runs} run(s) per figure");
        Console.WriteLine($"background load: before {loadBefore}; after {await MachineLoad.DescribeAsync()}");
        Console.WriteLine($"raw storage ceiling (same run, same Azurite build): {ceiling?.ToString() ?? "not measured"}");
        Console.WriteLine();
        Console.WriteLine("| scenario | figure | target | median | min | max | runs | storage ceiling | verdict |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var s in results)
        {
            var f = s.Figure;
            var beside = f.EndToEnd && ceiling is not null ? ceiling.ToString() : "";
            var note = s.Missing is null ? "" : $" ({s.Missing})";
            Console.WriteLine(s.Values.Count == 0
                ? $"| {f.Scenario} | {f.Name} | {f.Target?.ToString() ?? "—"} | not measured{note} | | | 0 | {beside} | {s.Verdict} |"
                : $"| {f.Scenario} | {f.Name} | {f.Target?.ToString() ?? "—"} | {Show(s.Median)} {f.Unit} | {Show(s.Min)} | {Show(s.Max)} | {s.Values.Count}{note} | {beside} | {s.Verdict} |");
        }
    }

    private static string Show(double value) => value.ToString(Math.Abs(value) >= 100 ? "#,0" : "#,0.0##", CultureInfo.InvariantCulture);

    private static string MemoryGiB()
    {
        const string Path = "/proc/meminfo";
        var line = File.Exists(Path) ? File.ReadLines(Path).FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is null ? "unknown"
            : $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0:F1} GiB";
    }

    private static async Task<string> CommitAsync()
    {
        try
        {
            var start = new ProcessStartInfo("git", "describe --always --dirty") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Functions.Tests.Infrastructure.Azurite.RepoRoot() };
            using var git = Process.Start(start)!;
            var text = (await git.StandardOutput.ReadToEndAsync()).Trim();
            await git.WaitForExitAsync();
            return git.ExitCode == 0 ? text : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (no git)";
        }
    }
}
