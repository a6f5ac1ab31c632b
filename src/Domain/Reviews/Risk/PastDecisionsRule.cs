namespace AccessReviewFunctions.Domain.Reviews.Risk;

/// <summary>What earlier reviews decided about the same resource, read against the current grant's assigned date.</summary>
internal static class PastDecisionsRule
{
    public static Anomaly Assess(string resourceId, DateTimeOffset assignedDate, IReadOnlyList<PastDecision> past)
    {
        var mine = past
            .Where(d => d.ResourceId == resourceId && d.Decision is PastDecisions.RevokeAccess or PastDecisions.RestoreAccess or PastDecisions.Keep)
            .OrderBy(d => d.DecidedAt)
            .ToList();
        if (mine.Count == 0)
        {
            return RiskArgs.Anomaly(AnomalyType.PAST_GOVERNANCE_DECISIONS, Severity.LOW, "No data found. The assignment has no past governance decisions");
        }

        var revoked = mine.LastOrDefault(d => d.Decision == PastDecisions.RevokeAccess);
        var approved = mine.LastOrDefault(d => d.Decision != PastDecisions.RevokeAccess);
        if (revoked is not null && (approved is null || approved.DecidedAt < revoked.DecidedAt))
        {
            return assignedDate > revoked.DecidedAt
                ? RiskArgs.Anomaly(AnomalyType.PAST_GOVERNANCE_DECISIONS, Severity.HIGH, "The assignment was revoked in a previous review on {0} and has since been re-granted.", RiskArgs.Date(revoked.DecidedAt))
                : RiskArgs.Anomaly(AnomalyType.PAST_GOVERNANCE_DECISIONS, Severity.MEDIUM, "The assignment was revoked in a previous review on {0} but is still in place.", RiskArgs.Date(revoked.DecidedAt));
        }

        var verb = approved!.Decision == PastDecisions.Keep ? "kept" : "restored";
        return RiskArgs.Anomaly(AnomalyType.PAST_GOVERNANCE_DECISIONS, Severity.LOW, $"The assignment was {verb} in a previous review on {{0}}", RiskArgs.Date(approved.DecidedAt));
    }
}
