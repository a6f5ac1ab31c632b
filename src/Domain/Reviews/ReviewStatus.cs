namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>A security access review's status. PENDING ≙ Veza SEARCHING, ACTIVE ≙ IN_PROGRESS, CLOSED ≙ COMPLETED.</summary>
public enum ReviewStatus
{
    PENDING,
    ACTIVE,
    CLOSED,
    ERROR,
}

public static class ReviewStatuses
{
    /// <summary>The statuses of an open review: it counts towards the principal's limit and can still change.</summary>
    public static readonly IReadOnlyList<ReviewStatus> Open = [ReviewStatus.PENDING, ReviewStatus.ACTIVE];

    public static bool IsOpen(this ReviewStatus status) => status is ReviewStatus.PENDING or ReviewStatus.ACTIVE;

    /// <summary>Its access was gathered, so it has access items to read (a review closed while PENDING has none).</summary>
    public static bool HasAccess(this ReviewStatus status) => status is ReviewStatus.ACTIVE or ReviewStatus.CLOSED;
}
