namespace AccessReviewFunctions.Faults;

/// <summary>The checks of every scenario, printed as they pass or fail, and the summary at the end.</summary>
internal sealed class Report
{
    private readonly List<(string Scenario, string Check, bool Passed, string Detail)> checks = [];
    private readonly List<(string Scenario, string Outcome)> scenarios = [];
    private readonly object gate = new();

    public long Lost { get; private set; }

    public long Duplicated { get; private set; }

    public bool Failed => checks.Any(c => !c.Passed) || scenarios.Any(s => s.Outcome != "ran");

    public void Check(string scenario, string check, bool passed, string detail)
    {
        lock (gate)
        {
            checks.Add((scenario, check, passed, detail));
        }

        Console.WriteLine($"  [{(passed ? "PASS" : "FAIL")}] {check}: {detail}");
    }

    /// <summary>Counts <paramref name="lost"/> and <paramref name="duplicated"/> into the summary and checks both are 0.</summary>
    public void Count(string scenario, string what, long lost, long duplicated)
    {
        lock (gate)
        {
            Lost += lost;
            Duplicated += duplicated;
        }

        Check(scenario, $"nothing lost or duplicated: {what}", lost == 0 && duplicated == 0, $"{lost} lost, {duplicated} duplicated");
    }

    public void Ran(string scenario, string outcome) => scenarios.Add((scenario, outcome));

    public void PrintSummary(TimeSpan elapsed)
    {
        Console.WriteLine();
        Console.WriteLine($"fault harness summary ({elapsed.TotalSeconds:F0} s)");
        foreach (var (scenario, outcome) in scenarios)
        {
            var own = checks.Where(c => c.Scenario == scenario).ToList();
            Console.WriteLine($"  {scenario}: {outcome}, {own.Count(c => c.Passed)}/{own.Count} checks passed");
            foreach (var failed in own.Where(c => !c.Passed))
            {
                Console.WriteLine($"    FAILED {failed.Check}: {failed.Detail}");
            }
        }

        Console.WriteLine($"  scenarios run: {scenarios.Count(s => s.Outcome == "ran")} of {scenarios.Count}; checks passed: {checks.Count(c => c.Passed)} of {checks.Count}; lost: {Lost}; duplicated: {Duplicated}");
        Console.WriteLine(Failed ? "  RESULT: FAILED" : "  RESULT: PASSED");
    }
}
