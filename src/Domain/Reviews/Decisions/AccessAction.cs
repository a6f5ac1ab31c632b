namespace AccessReviewFunctions.Domain.Reviews.Decisions;

/// <summary>Okta's decisions on an access or sub-access item.</summary>
public enum AccessAction
{
    REVOKE_ACCESS,
    RESTORE_ACCESS,
}
