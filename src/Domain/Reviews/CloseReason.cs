namespace AccessReviewFunctions.Domain.Reviews;

public enum CloseReason
{
    /// <summary>A reviewer or an admin closed it by hand.</summary>
    Manual,

    /// <summary>The durable timer (or the sweeper) reached the end time.</summary>
    EndTimeReached,

    /// <summary>Every access item has a decision and auto-complete is on.</summary>
    Completed,
}
