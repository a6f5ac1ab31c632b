namespace AccessReviewFunctions.Domain.Reviews.Risk;

/// <summary>The factors Okta weighs when it sets an access item's priority.</summary>
public enum AnomalyType
{
    USAGE_HISTORY,
    ASSIGNMENT_METHOD,
    PAST_GOVERNANCE_DECISIONS,
    SOD_CONFLICT,
}
