using AccessReviewFunctions.Domain.RiskEvents;

namespace AccessReviewFunctions.Functions.RiskEvents;

/// <summary>What became of an event: a review it CREATED or JOINED, or SKIPPED with the reason.</summary>
internal sealed record RiskEventOutcome(string Uuid, string EventType, string Outcome, string? ReviewId, string? Reason, DateTimeOffset At);

/// <summary>An event that could not be handled: its text, why, and when; replay puts it back on the queue.</summary>
internal sealed record FailedRiskEvent(string Id, string Body, string Reason, DateTimeOffset FailedAt);

/// <summary>The risk-event side's own state: the policies, outcomes, failures, and each principal's open risk-triggered review.</summary>
internal interface IRiskEventStore
{
    /// <summary>The stored policies, or <see cref="ReviewPolicies.Default"/> when none were ever put.</summary>
    Task<ReviewPolicies> PoliciesAsync(CancellationToken cancellationToken);

    Task SavePoliciesAsync(ReviewPolicies policies, CancellationToken cancellationToken);

    Task RecordOutcomeAsync(RiskEventOutcome outcome, CancellationToken cancellationToken);

    Task<RiskEventOutcome?> OutcomeAsync(string uuid, CancellationToken cancellationToken);

    Task<string?> OpenRiskReviewAsync(string principalId, CancellationToken cancellationToken);

    Task SetOpenRiskReviewAsync(string principalId, string reviewId, CancellationToken cancellationToken);

    Task RecordFailedAsync(FailedRiskEvent failed, CancellationToken cancellationToken);

    Task<IReadOnlyList<FailedRiskEvent>> ListFailedAsync(CancellationToken cancellationToken);

    Task<FailedRiskEvent?> FailedAsync(string id, CancellationToken cancellationToken);

    Task DeleteFailedAsync(string id, CancellationToken cancellationToken);
}
