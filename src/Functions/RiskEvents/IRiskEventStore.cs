using AccessReviewFunctions.Domain.RiskEvents;

namespace AccessReviewFunctions.Functions.RiskEvents;

/// <summary>What became of an event: a review it CREATED or JOINED, or SKIPPED with the reason.</summary>
internal sealed record RiskEventOutcome(string Uuid, string EventType, string Outcome, string? ReviewId, string? Reason, DateTimeOffset At);

/// <summary>An event that could not be handled: its text, why, and when; replay puts it back on the queue.</summary>
internal sealed record FailedRiskEvent(string Id, string Body, string Reason, DateTimeOffset FailedAt);

/// <summary>
/// A principal's "open risk review" marker: the review that holds it, since when, and the version a take-over must
/// still find (<see cref="IRiskEventStore.TakeOverOpenRiskReviewAsync"/>).
/// </summary>
internal sealed record OpenRiskReview(string ReviewId, DateTimeOffset ClaimedAt, string Version);

/// <summary>The risk-event side's own state: the policies, outcomes, failures, and each principal's open risk-triggered review.</summary>
internal interface IRiskEventStore
{
    /// <summary>The stored policies, or <see cref="ReviewPolicies.Default"/> when none were ever put.</summary>
    Task<ReviewPolicies> PoliciesAsync(CancellationToken cancellationToken);

    Task SavePoliciesAsync(ReviewPolicies policies, CancellationToken cancellationToken);

    Task RecordOutcomeAsync(RiskEventOutcome outcome, CancellationToken cancellationToken);

    Task<RiskEventOutcome?> OutcomeAsync(string uuid, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the principal's marker for <paramref name="reviewId"/> if no review holds it (insert-if-absent), before
    /// that review is created, so two events for one principal cannot both start one. Returns the marker as stored:
    /// this review's when the claim won (or it held it already: a redelivery), another's otherwise.
    /// </summary>
    Task<OpenRiskReview> ClaimOpenRiskReviewAsync(string principalId, string reviewId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Replaces <paramref name="held"/> (closed, or never created) with <paramref name="reviewId"/>; false when the marker changed since it was read.</summary>
    Task<bool> TakeOverOpenRiskReviewAsync(string principalId, OpenRiskReview held, string reviewId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes the marker if <paramref name="reviewId"/> still holds it (its creation was refused).</summary>
    Task ReleaseOpenRiskReviewAsync(string principalId, string reviewId, CancellationToken cancellationToken);

    Task RecordFailedAsync(FailedRiskEvent failed, CancellationToken cancellationToken);

    Task<IReadOnlyList<FailedRiskEvent>> ListFailedAsync(CancellationToken cancellationToken);

    Task<FailedRiskEvent?> FailedAsync(string id, CancellationToken cancellationToken);

    Task DeleteFailedAsync(string id, CancellationToken cancellationToken);
}
