namespace AccessReviewFunctions.Bench;

/// <summary>How busy the machine is while the bench itself is idle (Linux, from /proc/stat): other processes on a
/// small shared machine move the figures a lot, so the bench prints this beside them.</summary>
internal static class MachineLoad
{
    public static async Task<string> DescribeAsync()
    {
        if (!File.Exists("/proc/stat"))
        {
            return $"{Environment.ProcessorCount} cores";
        }

        var (busy0, total0) = await SampleAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var (busy1, total1) = await SampleAsync();
        return $"{Environment.ProcessorCount} cores, {100.0 * (busy1 - busy0) / Math.Max(1, total1 - total0):F0}% busy with other work (1 s sample)";
    }

    private static async Task<(long Busy, long Total)> SampleAsync()
    {
        // "cpu  user nice system idle iowait irq softirq steal ..."
        var fields = (await File.ReadAllLinesAsync("/proc/stat"))[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..9].Select(long.Parse).ToArray();
        var total = fields.Sum();
        return (total - fields[3] - fields[4], total);
    }
}
