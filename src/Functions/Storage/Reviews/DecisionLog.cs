using Azure.Data.Tables;
using AccessReviewFunctions.Domain.Reviews.Risk;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Storage.Tables;

namespace AccessReviewFunctions.Functions.Storage.Reviews;

/// <summary>
/// Every closed review's decisions per principal and resource (PK principal, RK resource:review), so one resource's
/// decisions across reviews are one key range.
/// </summary>
internal sealed class TableDecisionLog(StorageResources resources) : IDecisionLog
{
    public async Task RecordAsync(string principalId, IEnumerable<PastDecision> decisions, CancellationToken cancellationToken)
    {
        var log = await resources.TableAsync(ReviewTables.DecisionLog, cancellationToken);
        var rows = decisions.DistinctBy(d => d.ResourceId).Select(d => new TableEntity(principalId, $"{d.ResourceId}:{d.ReviewId}")
        {
            ["ResourceId"] = d.ResourceId,
            ["ReviewId"] = d.ReviewId,
            ["Decision"] = d.Decision,
            ["DecidedAt"] = d.DecidedAt,
            ["Action"] = d.Action,
            ["DecidedBy"] = d.DecidedBy,
            ["Automatic"] = d.Automatic,
            ["Note"] = d.Note,
            ["ReviewName"] = d.ReviewName,
            ["HasSodViolation"] = d.HasSodViolation,
        });
        await TableBatchWriter.UpsertAsync(log, rows, cancellationToken);
    }

    public Task<IReadOnlyList<PastDecision>> ListAsync(string principalId, CancellationToken cancellationToken) =>
        QueryAsync(TableRows.Partition(principalId), cancellationToken);

    public Task<IReadOnlyList<PastDecision>> ListAsync(string principalId, string resourceId, CancellationToken cancellationToken) =>
        QueryAsync(TableRows.And(TableRows.Partition(principalId), TableRows.RowPrefix($"{resourceId}:")), cancellationToken);

    private async Task<IReadOnlyList<PastDecision>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var log = await resources.TableAsync(ReviewTables.DecisionLog, cancellationToken);
        var rows = await log.QueryAllAsync(filter, cancellationToken);
        return rows.Select(r => new PastDecision(
                r.GetString("ResourceId"),
                r.GetString("Decision"),
                r.GetDateTimeOffset("DecidedAt")!.Value,
                r.GetString("ReviewId"),
                r.GetString("Action"),
                r.GetString("DecidedBy"),
                r.GetBoolean("Automatic") ?? false,
                r.GetString("Note"),
                r.GetString("ReviewName"),
                r.GetBoolean("HasSodViolation") ?? false))
            .ToList();
    }
}
