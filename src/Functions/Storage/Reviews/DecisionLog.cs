using Azure.Data.Tables;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Domain.Reviews.Risk;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Storage.Tables;

namespace AccessReviewFunctions.Functions.Storage.Reviews;

/// <summary>Every closed review's decisions per principal and resource (PK principal, RK resource:review).</summary>
internal sealed class TableDecisionLog(StorageResources resources) : IDecisionLog
{
    public async Task RecordAsync(string principalId, string reviewId, IEnumerable<(string ResourceId, ItemDecision Decision)> decisions, CancellationToken cancellationToken)
    {
        var log = await resources.TableAsync(ReviewTables.DecisionLog, cancellationToken);
        var rows = decisions.DistinctBy(d => d.ResourceId).Select(d => new TableEntity(principalId, $"{d.ResourceId}:{reviewId}")
        {
            ["ResourceId"] = d.ResourceId,
            ["ReviewId"] = reviewId,
            ["Decision"] = d.Decision.Decision.Effect().ToString(),
            ["DecidedAt"] = d.Decision.DecidedAt,
        });
        await TableBatchWriter.UpsertAsync(log, rows, cancellationToken);
    }

    public async Task<IReadOnlyList<PastDecision>> ListAsync(string principalId, CancellationToken cancellationToken)
    {
        var log = await resources.TableAsync(ReviewTables.DecisionLog, cancellationToken);
        var rows = await log.QueryAllAsync(TableRows.Partition(principalId), cancellationToken);
        return rows.Select(r => new PastDecision(
                r.GetString("ResourceId"),
                r.GetString("Decision"),
                r.GetDateTimeOffset("DecidedAt")!.Value,
                r.GetString("ReviewId")))
            .ToList();
    }
}
