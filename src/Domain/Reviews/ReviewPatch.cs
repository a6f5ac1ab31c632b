namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>An admin's change to a review; a null field is left as it is.</summary>
public sealed record ReviewPatch(
    string? Name = null,
    DateTimeOffset? EndTime = null,
    IReadOnlyList<string?>? ReviewerIds = null,
    ExpirationBehavior? ExpirationBehavior = null,
    string? ExpirationNote = null,
    bool? AutoComplete = null,
    string? ReviewerType = null)
{
    /// <summary>The reviewer ids the patch names that could be looked up: not blank, each once; null when reviewers don't change.</summary>
    public IReadOnlyList<string>? NamedReviewerIds => ReviewerIds is null ? null : NewReviewRules.Distinct(ReviewerIds);
}
