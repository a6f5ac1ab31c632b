namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>What a reviewer can do to a whole review, besides deciding on its items.</summary>
public enum ReviewAction
{
    CLOSE_REVIEW,
    RESTORE_ALL_ACCESS,
    UNIVERSAL_LOGOUT,
}
