using Azure;
using Azure.Data.Tables;

namespace AccessReviewFunctions.Bench;

/// <summary>Table writes: 100-entity transactions, single inserts, and a decision-shaped 6-entity commit.</summary>
internal sealed class TableCases(TableServiceClient service, TimeSpan warmup, TimeSpan duration)
{
    private long sequence;

    /// <summary>One transaction of 100 inserts into a fresh partition per operation; counts transactions.</summary>
    public Task<Measurement> TransactionsOf100Async(int callers) => WithTableAsync($"batch{callers}", table =>
        Throughput.RunAsync(callers, warmup, duration, async (caller, ct) =>
        {
            var partition = NextKey($"p{caller:D2}");
            var actions = Enumerable.Range(0, 100)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, BenchEntity.Create(partition, $"r{i:D3}", i)))
                .ToList();
            await table.SubmitTransactionAsync(actions, ct);
            return 1;
        }));

    public Task<Measurement> SingleInsertsAsync(int callers) => WithTableAsync($"single{callers}", table =>
        Throughput.RunAsync(callers, warmup, duration, async (caller, ct) =>
        {
            await table.AddEntityAsync(BenchEntity.Create($"p{caller:D2}", NextKey("r"), caller), ct);
            return 1;
        }));

    /// <summary>A review decision's shape: the header replaced under its ETag plus 5 inserted rows, one partition
    /// per caller; the next commit uses the ETag the previous one returned.</summary>
    public Task<Measurement> DecisionCommitsAsync(int callers) => WithTableAsync($"decision{callers}", async table =>
    {
        var headers = new BenchEntity[callers];
        for (var caller = 0; caller < callers; caller++)
        {
            headers[caller] = BenchEntity.Create($"review{caller:D2}", "header", 0);
            headers[caller].ETag = (await table.AddEntityAsync(headers[caller])).Headers.ETag!.Value;
        }

        await EnsureStaleETagRejectedAsync(table, headers[0]);

        return await Throughput.RunAsync(callers, warmup, duration, async (caller, ct) =>
        {
            var header = headers[caller];
            header.Version++;
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, header, header.ETag) };
            var row = NextKey("h");
            actions.AddRange(Enumerable.Range(0, 5).Select(i =>
                new TableTransactionAction(TableTransactionActionType.Add, BenchEntity.Create(header.PartitionKey, $"{row}-{i}", i))));
            var result = await table.SubmitTransactionAsync(actions, ct);
            header.ETag = result.Value[0].Headers.ETag
                ?? throw new InvalidOperationException("the transaction's update answer carries no ETag");
            return 1;
        });
    });

    /// <summary>The case only means something if the storage checks the ETag inside a transaction.</summary>
    private static async Task EnsureStaleETagRejectedAsync(TableClient table, BenchEntity header)
    {
        var stale = new BenchEntity { PartitionKey = header.PartitionKey, RowKey = header.RowKey };
        var staleETag = new ETag("W/\"datetime'2000-01-01T00%3A00%3A00.0000000Z'\"");
        try
        {
            await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpdateReplace, stale, staleETag)]);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return;
        }

        throw new InvalidOperationException("a transaction with a stale ETag was accepted: the decision commit would not be checked");
    }

    private string NextKey(string prefix) => $"{prefix}-{Interlocked.Increment(ref sequence):D10}";

    private async Task<Measurement> WithTableAsync(string name, Func<TableClient, Task<Measurement>> run)
    {
        var table = service.GetTableClient(name);
        await table.CreateIfNotExistsAsync();
        return await run(table);
    }
}
