using AccessReviewFunctions.Functions.Tests.Infrastructure;

namespace AccessReviewFunctions.Bench;

/// <summary>One scenario of the bench: a size (what --size key=N sets), a time bound per run, its figures.</summary>
internal interface IScenario
{
    /// <summary>The name --only and --size use.</summary>
    string Key { get; }

    string Title { get; }

    IReadOnlyList<Figure> Figures { get; }

    /// <summary>True when the scenario repeats its own measurements (BenchmarkDotNet): the runner runs it once.</summary>
    bool RunsItself => false;

    int Size(bool quick);

    TimeSpan Bound(int size);

    Task RunAsync(Run run);
}

/// <summary>The raw storage ceiling measured earlier in the same bench run (scenario 1); <paramref name="DecisionsPerSecond"/> is
/// the rate of 6-entity ETag transactions, a decision's commit.</summary>
internal sealed record Ceiling(double TransactionsPerSecond, double InsertsPerSecond, double? DecisionsPerSecond = null)
{
    public override string ToString() => $"{TransactionsPerSecond:N1} tx/s of 100, {InsertsPerSecond:N0} inserts/s";
}

/// <summary>One run of a scenario: its own fresh Azurite, the size, the ceiling, the storage counter, the bound as a token.</summary>
internal sealed class Run(string connectionString, int size, Ceiling? ceiling, StorageCalls ops, Action<Figure, double> record, CancellationToken cancel)
{
    public string ConnectionString => connectionString;

    public int Size => size;

    public Ceiling? Ceiling => ceiling;

    public StorageCalls Ops => ops;

    public CancellationToken Cancel => cancel;

    public void Record(Figure figure, double value)
    {
        record(figure, value);
        Progress.Say($"    {figure.Name}: {value:N1} {figure.Unit}");
    }
}
