namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>A stored line of a review's history.</summary>
internal sealed record HistoryEntry(string Id, bool SystemGenerated, DateTimeOffset Timestamp, string Message, string? ActorId);
