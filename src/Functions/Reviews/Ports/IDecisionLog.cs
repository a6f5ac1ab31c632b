using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>
/// Every closed review's decisions per principal and resource: the past governance decisions that later reviews
/// of the same principal weigh, and the prior actions of an access.
/// </summary>
internal interface IDecisionLog
{
    /// <summary>Upserts one row per review and resource (the standing decision); a retry writes the same rows.</summary>
    Task RecordAsync(string principalId, IEnumerable<PastDecision> decisions, CancellationToken cancellationToken);

    Task<IReadOnlyList<PastDecision>> ListAsync(string principalId, CancellationToken cancellationToken);

    /// <summary>The decisions on one resource of the principal, across every review: one key range.</summary>
    Task<IReadOnlyList<PastDecision>> ListAsync(string principalId, string resourceId, CancellationToken cancellationToken);
}
