using Azure.Data.Tables;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Storage.Tables;

namespace AccessReviewFunctions.Functions.Storage.Reviews;

/// <summary>The end-timer mark as one row of its own table; written by a singleton job, so a plain upsert.</summary>
internal sealed class TableEndTimerMark(StorageResources resources) : IEndTimerMark
{
    private const string Partition = "end-timers";
    private const string Row = "armed-until";
    private const string Column = "ArmedUntil";

    public async Task<DateTimeOffset?> ReadAsync(CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(ReviewTables.Timers, cancellationToken);
        return (await table.FindAsync(Partition, Row, cancellationToken, [Column]))?.GetDateTimeOffset(Column);
    }

    public async Task WriteAsync(DateTimeOffset armedUntil, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(ReviewTables.Timers, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Partition, Row) { [Column] = armedUntil }, TableUpdateMode.Replace, cancellationToken);
    }
}
