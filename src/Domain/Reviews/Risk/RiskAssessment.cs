namespace AccessReviewFunctions.Domain.Reviews.Risk;

/// <summary>
/// The risk of one access or sub-access item: a severity per factor and the anomalies explaining them.
/// <see cref="SodConflict"/> is NONE when no separation-of-duties rule matched.
/// </summary>
public sealed record RiskAssessment(
    Severity UsageHistory,
    Severity AssignmentMethod,
    Severity PastGovernanceDecisions,
    Severity SodConflict,
    IReadOnlyList<Anomaly> Anomalies)
{
    /// <summary>The highest of the four severities, and never below LOW.</summary>
    public Severity Priority => new[] { Severity.LOW, UsageHistory, AssignmentMethod, PastGovernanceDecisions, SodConflict }.Max();
}
