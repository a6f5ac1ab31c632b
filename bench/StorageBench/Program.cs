using System.Globalization;
using AccessReviewFunctions.Bench.Shared;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace AccessReviewFunctions.StorageBench;

// The raw storage ceiling with the v12 SDKs (Azure.Data.Tables, Azure.Storage.Queues) against an in-memory Azurite
// on this machine: what the runtime's transactions and queue calls can reach at best.
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        BenchSettings settings;
        try
        {
            settings = BenchSettings.Parse(args);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message}\n{BenchSettings.Usage}");
            return 2;
        }

        var cases = new List<BenchCase>
        {
            new("100-entity transaction (insert)", "transactions/s", "28 / 74", (s, n) => s.Tables.TransactionsOf100Async(n)),
            new("single insert (AddEntityAsync)", "entities/s", "370 / 1,000", (s, n) => s.Tables.SingleInsertsAsync(n)),
            new("decision commit (1 ETag replace + 5 inserts)", "transactions/s", "—", (s, n) => s.Tables.DecisionCommitsAsync(n)),
            new("queue send", "messages/s", "400 / 1,100", (s, n) => s.Queues.SendsAsync(n), Many: 8),
            new($"queue receive of 32 ({settings.QueueDepth:N0} others queued)", "messages/s", "1,700", (s, n) => s.Queues.ReceivesOf32Async(n), Many: 8),
            new($"queue delete ({settings.QueueDepth:N0} others queued)", "messages/s", "60 / 180", (s, n) => s.Queues.DeletesAsync(n), Many: 8),
        };

        Console.WriteLine($"warm-up {settings.Warmup.TotalSeconds:0.#} s, then {settings.Duration.TotalSeconds:0.#} s per case; {await MachineLoad.DescribeAsync()}");
        var rows = new List<string>();
        foreach (var benchCase in cases.Where(c => settings.Only is null || c.Name.Contains(settings.Only, StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var callers in new[] { 1, benchCase.Many })
            {
                // A fresh Azurite per run: it keeps every queue's messages in one collection and scans it on each call,
                // and dropping a queue of a few thousand messages can take minutes, so leftovers would slow the next run.
                await using var azurite = await BenchAzurite.TryStartAsync();
                if (azurite is null)
                {
                    return 1;
                }

                Console.WriteLine($"> {benchCase.Name}, {callers} caller(s) ...");
                var result = await benchCase.RunAsync(Storage.Connect(azurite.ConnectionString, settings), callers);
                var errors = result.Errors == 0 ? "0" : $"{result.Errors} (first: {result.FirstError})";
                Console.WriteLine($"  {result.UnitsPerSecond:N0} {benchCase.Unit} ({result.Units:N0} in {result.Seconds:F1} s, errors {errors})");
                rows.Add($"| {benchCase.Name} | {callers} | {Rate(benchCase, result)} | {result.Seconds:F1} s | {errors} | {benchCase.Before} |");
            }
        }

        Console.WriteLine($"\ndone; afterwards {await MachineLoad.DescribeAsync()}\n");
        Console.WriteLine("| case | callers | rate | measured | errors | design figure (WindowsAzure.Storage, 1 / many) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static string Rate(BenchCase benchCase, Measurement result) => benchCase.Name.StartsWith("100", StringComparison.Ordinal)
        ? string.Create(CultureInfo.InvariantCulture, $"{result.UnitsPerSecond:N1} transactions/s (= {result.UnitsPerSecond * 100:N0} entities/s)")
        : string.Create(CultureInfo.InvariantCulture, $"{result.UnitsPerSecond:N0} {benchCase.Unit}");
}

/// <summary>A case run from 1 caller and from <paramref name="Many"/>; <paramref name="Before"/> is the design's figure.</summary>
internal sealed record BenchCase(string Name, string Unit, string Before, Func<Storage, int, Task<Measurement>> RunAsync, int Many = 16);

/// <summary>The cases bound to one Azurite. No retries: a failed call is counted as an error, not hidden in the rate.</summary>
internal sealed record Storage(TableCases Tables, QueueCases Queues)
{
    public static Storage Connect(string connectionString, BenchSettings settings) => new(
        new TableCases(new TableServiceClient(connectionString, new TableClientOptions { Retry = { MaxRetries = 0 } }), settings),
        new QueueCases(new QueueServiceClient(connectionString, new QueueClientOptions { Retry = { MaxRetries = 0 } }), settings));
}
