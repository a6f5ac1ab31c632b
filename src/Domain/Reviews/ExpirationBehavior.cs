namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>What happens to undecided access items when the end time closes a review.</summary>
public enum ExpirationBehavior
{
    /// <summary>Undecided items stay undecided: access is kept.</summary>
    DO_NOTHING,

    /// <summary>Every undecided item gets a system REVOKE_ACCESS decision carrying the expiration note.</summary>
    AUTO_REJECT_INCOMPLETE,
}
