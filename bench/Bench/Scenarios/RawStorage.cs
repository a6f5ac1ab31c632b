using Azure.Data.Tables;

namespace AccessReviewFunctions.Bench;

/// <summary>1. The raw storage limit: 100-entity transactions/s and single inserts/s from 16 callers (the v12 SDK, no
/// retries) on a fresh Azurite, the ceiling the end-to-end figures are compared with. Size: measured seconds per case.</summary>
internal sealed class RawStorage : IScenario
{
    public const string Name = "1 raw storage";
    public static readonly Figure Transactions = new(Name, "100-entity transactions, 16 callers", "tx/s");
    public static readonly Figure Inserts = new(Name, "single inserts, 16 callers", "inserts/s");
    public static readonly Figure Decision = new(Name, "6-entity ETag transaction (a decision's shape), 16 callers", "tx/s");

    public string Key => "storage";

    public string Title => Name;

    public IReadOnlyList<Figure> Figures => [Transactions, Inserts, Decision];

    public int Size(bool quick) => quick ? 2 : 5;

    public TimeSpan Bound(int size) => TimeSpan.FromSeconds(60 + (size * 6));

    public async Task RunAsync(Run run)
    {
        var service = new TableServiceClient(run.ConnectionString, new TableClientOptions { Retry = { MaxRetries = 0 } });
        var cases = new TableCases(service, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(run.Size));
        run.Record(Transactions, Checked(await cases.TransactionsOf100Async(16)));
        run.Record(Inserts, Checked(await cases.SingleInsertsAsync(16)));
        run.Record(Decision, Checked(await cases.DecisionCommitsAsync(16)));
    }

    private static double Checked(Measurement m) => m.Errors == 0 ? m.UnitsPerSecond : throw new InvalidOperationException($"{m.Errors} storage errors, first {m.FirstError}");
}
