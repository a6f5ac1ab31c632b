namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>Okta's security access review statuses. PENDING ≙ Veza SEARCHING, ACTIVE ≙ IN_PROGRESS, CLOSED ≙ COMPLETED.</summary>
public enum ReviewStatus
{
    PENDING,
    ACTIVE,
    CLOSED,
    ERROR,
}
