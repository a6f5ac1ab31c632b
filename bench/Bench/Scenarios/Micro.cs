using System.Diagnostics.CodeAnalysis;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Queries;
using AccessReviewFunctions.Domain.Reviews.Risk;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AccessReviewFunctions.Bench;

/// <summary>Micro-benchmarks with BenchmarkDotNet (in-process, short run): the filter parser and the risk rules. A figure's
/// median, min and max are over BenchmarkDotNet's measured iterations. Size: unused.</summary>
internal sealed class Micro : IScenario
{
    public const string Name = "micro";

    public string Key => "micro";

    public string Title => "micro-benchmarks (BenchmarkDotNet)";

    public IReadOnlyList<Figure> Figures { get; } = [.. typeof(MicroBenchmarks).GetMethods().Where(m => m.GetCustomAttributes(typeof(BenchmarkAttribute), false).Length > 0)
        .Select(m => new Figure(Name, m.Name, "ns/op"))];

    public bool RunsItself => true;

    public int Size(bool quick) => 1;

    public TimeSpan Bound(int size) => TimeSpan.FromMinutes(5);

    public Task RunAsync(Run run) => Task.Run(() =>
    {
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddLogger(NullLogger.Instance)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<MicroBenchmarks>(config);
        foreach (var report in summary.Reports)
        {
            var figure = Figures.Single(f => f.Name == report.BenchmarkCase.Descriptor.WorkloadMethod.Name);
            var stats = report.ResultStatistics ?? throw new InvalidOperationException($"{figure.Name} gave no result");
            foreach (var value in stats.OriginalValues)
            {
                run.Record(figure, value);
            }
        }
    }, run.Cancel);
}

/// <summary>The benchmarks themselves: public, as BenchmarkDotNet requires.</summary>
[SuppressMessage("Maintainability", "CA1515:Consider making public types internal", Justification = "BenchmarkDotNet only runs public benchmark classes")]
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "BenchmarkDotNet benchmarks are instance methods")]
public class MicroBenchmarks
{
    private const string FilterText = "priority eq \"HIGH\" or (name co \"App 1\" and usageHistorySeverity eq \"MEDIUM\") or governanceLabel eq \"Crown Jewel\"";
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly AccessItem Item = new("0iabench", "0oabench000000000001", "app1", "App 1", Now.AddDays(-400), "GROUP", 3, Now.AddDays(-100), [], [], []);
    private static readonly AppAssignmentStats Stats = new("0oabench000000000001", new Dictionary<AssignmentType, int> { [AssignmentType.GROUP] = 3, [AssignmentType.INDIVIDUAL] = 40 });
    private static readonly IReadOnlyList<PastDecision> Past = [.. Enumerable.Range(0, 50).Select(i => new PastDecision($"0oabench{i:D12}", PastDecisions.RevokeAccess, Now.AddDays(-i), "sarbench"))];
    private static readonly IReadOnlyList<SodRule> Rules = [.. Enumerable.Range(0, 20).Select(i => new SodRule($"sod{i}", $"rule {i}", $"0oabench{i:D12}", $"0oabench{i + 1:D12}", Severity.HIGH))];
    private static readonly HeldResources Held = new(Enumerable.Range(0, 40).ToDictionary(i => $"0oabench{i:D12}", i => $"app{i}"));

    [Benchmark]
    public Filter FilterParse() => Filter.Parse(FilterText, AccessItemListQuery.Filters);

    [Benchmark]
    public RiskAssessment RiskAssess() => AccessRisk.Assess(Item, [], Stats, Past, Rules, Held, Now);
}
