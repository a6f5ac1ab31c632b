using AccessReviewFunctions.Bench.Shared;

namespace AccessReviewFunctions.StorageBench;

internal sealed record BenchSettings(TimeSpan Warmup, TimeSpan Duration, int QueueDepth, string? Only)
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/StorageBench [--seconds 6] [--warmup 1] [--depth 1600] [--only text]";

    public static BenchSettings Parse(string[] args)
    {
        var parsed = new BenchArgs(args, new HashSet<string> { "--seconds", "--warmup", "--depth", "--only" }, new HashSet<string>());
        return new BenchSettings(
            TimeSpan.FromSeconds(parsed.Number("--warmup", 1)),
            TimeSpan.FromSeconds(parsed.Number("--seconds", 6)),
            (int)parsed.Number("--depth", 1600, zero: true),
            parsed.Text("--only"));
    }
}
