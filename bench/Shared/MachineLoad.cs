namespace AccessReviewFunctions.Bench.Shared;

/// <summary>The 1-minute load average (Linux), printed beside the figures: other processes on a small machine
/// move them a lot.</summary>
internal static class MachineLoad
{
    public static string Describe()
    {
        const string LoadAverage = "/proc/loadavg";
        var load = File.Exists(LoadAverage) ? File.ReadAllText(LoadAverage).Split(' ')[0] : "n/a";
        return $"{Environment.ProcessorCount} cores, load average {load}";
    }
}
