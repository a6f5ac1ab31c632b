using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Domain.Reviews.Risk;
using AccessReviewFunctions.Functions.Storage;
using Microsoft.WindowsAzure.Storage.Table;

namespace AccessReviewFunctions.Functions.Reviews.Storage;

/// <summary>
/// Every closed review's decisions per principal and resource (PK principal, RK resource:review): the past
/// governance decisions that later reviews of the same principal weigh.
/// </summary>
public interface IDecisionLog
{
    Task RecordAsync(string principalId, string reviewId, IEnumerable<(string ResourceId, ItemDecision Decision)> decisions, CancellationToken cancellationToken);

    Task<IReadOnlyList<PastDecision>> ListAsync(string principalId, CancellationToken cancellationToken);
}

internal sealed class TableDecisionLog(ReviewTables tables) : IDecisionLog
{
    public async Task RecordAsync(string principalId, string reviewId, IEnumerable<(string ResourceId, ItemDecision Decision)> decisions, CancellationToken cancellationToken)
    {
        var log = await tables.DecisionLogAsync(cancellationToken);
        foreach (var chunk in decisions.DistinctBy(d => d.ResourceId).Chunk(100))
        {
            var batch = new TableBatchOperation();
            foreach (var (resourceId, decision) in chunk)
            {
                batch.InsertOrReplace(new DynamicTableEntity(principalId, $"{resourceId}:{reviewId}")
                {
                    Properties =
                    {
                        ["ResourceId"] = new EntityProperty(resourceId),
                        ["ReviewId"] = new EntityProperty(reviewId),
                        ["Decision"] = new EntityProperty(decision.Decision.ToString()),
                        ["DecidedAt"] = new EntityProperty(decision.DecidedAt),
                    },
                });
            }

            await log.ExecuteBatchAsync(batch, null, null, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<PastDecision>> ListAsync(string principalId, CancellationToken cancellationToken)
    {
        var log = await tables.DecisionLogAsync(cancellationToken);
        var rows = await log.QueryAllAsync(TableQuery.GenerateFilterCondition("PartitionKey", QueryComparisons.Equal, principalId), cancellationToken);
        return rows.Select(r => new PastDecision(
                r.Properties["ResourceId"].StringValue,
                r.Properties["Decision"].StringValue,
                r.Properties["DecidedAt"].DateTimeOffsetValue!.Value,
                r.Properties["ReviewId"].StringValue))
            .ToList();
    }
}
