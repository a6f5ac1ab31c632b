namespace AccessReviewFunctions.Domain.Reviews.Decisions;

/// <summary>The decision standing on an item: who made it and when; Automatic when the system made it at expiry.</summary>
public sealed record ItemDecision(AccessAction Decision, string DecidedBy, DateTimeOffset DecidedAt, bool Automatic = false, string? Note = null)
{
    public bool Revoked => Decision.Revokes();
}
