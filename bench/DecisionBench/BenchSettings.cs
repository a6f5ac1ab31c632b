using AccessReviewFunctions.Bench.Shared;

namespace AccessReviewFunctions.DecisionBench;

internal sealed record BenchSettings(TimeSpan Warmup, TimeSpan Duration, int Reviewers, int Apps, bool Paced, TimeSpan Interval)
{
    public const string Usage = "usage: dotnet run -c Release --project bench/DecisionBench " +
        "[--seconds 20] [--warmup 3] [--reviewers 50] [--apps 20] [--paced [--interval 2]]";

    public static BenchSettings Parse(string[] args)
    {
        var parsed = new BenchArgs(args, new HashSet<string> { "--seconds", "--warmup", "--reviewers", "--apps", "--interval" }, new HashSet<string> { "--paced" });
        return new BenchSettings(
            TimeSpan.FromSeconds(parsed.Number("--warmup", 3)),
            TimeSpan.FromSeconds(parsed.Number("--seconds", 20)),
            (int)parsed.Number("--reviewers", 50),
            (int)parsed.Number("--apps", 20),
            parsed.Flag("--paced"),
            TimeSpan.FromSeconds(parsed.Number("--interval", 2)));
    }
}
