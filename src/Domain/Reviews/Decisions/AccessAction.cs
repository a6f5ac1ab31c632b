namespace AccessReviewFunctions.Domain.Reviews.Decisions;

/// <summary>A reviewer's decision on an access or sub-access item; the names are the domain's canonical spellings.</summary>
public enum AccessAction
{
    REVOKE_ACCESS,
    RESTORE_ACCESS,
}
