namespace AccessReviewFunctions.Domain.Reviews.Risk;

/// <summary>How risky an access is, in Okta's spellings and in increasing order. NONE never reaches the API: it marks a factor that didn't apply.</summary>
public enum Severity
{
    NONE,
    LOW,
    MEDIUM,
    HIGH,
}
