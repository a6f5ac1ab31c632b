using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>
/// Every closed review's decisions per principal and resource: the past governance decisions that later reviews
/// of the same principal weigh.
/// </summary>
internal interface IDecisionLog
{
    Task RecordAsync(string principalId, string reviewId, IEnumerable<(string ResourceId, ItemDecision Decision)> decisions, CancellationToken cancellationToken);

    Task<IReadOnlyList<PastDecision>> ListAsync(string principalId, CancellationToken cancellationToken);
}
