namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>An admin's change to a review; a null field is left as it is.</summary>
public sealed record ReviewPatch(
    string? Name = null,
    DateTimeOffset? EndTime = null,
    IReadOnlyList<string>? ReviewerIds = null,
    ExpirationBehavior? ExpirationBehavior = null,
    string? ExpirationNote = null,
    bool? AutoComplete = null);
