using System.Globalization;

namespace AccessReviewFunctions.Bench;

/// <summary>The command line: --only a,b  --runs N  --quick  --size key=N,key=N  --bound seconds  --list.</summary>
internal sealed record BenchOptions(IReadOnlySet<string>? Only, int Runs, bool Quick, IReadOnlyDictionary<string, int> Sizes, TimeSpan? Bound, bool List)
{
    public const string Usage = """
        usage: make bench ARGS="[--only key[,key]] [--runs 3] [--quick] [--size key=N[,key=N]] [--bound seconds] [--list]"
          --only   scenarios to run (raw storage always runs first: it is the ceiling); --list shows the keys and sizes
          --runs   runs per scenario (a figure is their median; at least 3 for a recorded figure)
          --quick  small sizes: a few minutes in all (micro-benchmarks only with --only micro)
          --size   a scenario's size (what N means is in --list)
          --bound  the time bound of one run, in seconds, instead of each scenario's own
        """;

    public static BenchOptions Parse(string[] args)
    {
        var parsed = new BenchArgs(args, new HashSet<string> { "--only", "--runs", "--size", "--bound" }, new HashSet<string> { "--quick", "--list" });
        var sizes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in (parsed.Text("--size") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            sizes[parts[0]] = parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new FormatException($"--size takes key=N with N a positive integer, not {pair}");
        }

        var only = parsed.Text("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var bound = parsed.Text("--bound") is null ? (TimeSpan?)null : TimeSpan.FromSeconds(parsed.Number("--bound", 0));
        return new BenchOptions(only, (int)parsed.Number("--runs", 3), parsed.Flag("--quick"), sizes, bound, parsed.Flag("--list"));
    }

    public bool Selects(IScenario scenario) => Only?.Contains(scenario.Key) ?? !(Quick && scenario.RunsItself);

    public int SizeOf(IScenario scenario) => Sizes.TryGetValue(scenario.Key, out var size) ? size : scenario.Size(Quick);
}
