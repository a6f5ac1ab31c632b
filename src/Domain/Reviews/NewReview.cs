namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>A request to open a security access review, as received; <see cref="SecurityAccessReview.Open"/> validates it.</summary>
public sealed record NewReview(
    string? PrincipalId,
    string? Name,
    string? ReviewerType,
    IReadOnlyList<string?>? ReviewerIds,
    DateTimeOffset? EndTime,
    ExpirationBehavior? ExpirationBehavior = null,
    string? ExpirationNote = null,
    bool? AutoComplete = null)
{
    /// <summary>The user ids the request names (principal and reviewers) that could be looked up: not blank, each once.</summary>
    public IReadOnlyList<string> NamedUserIds => NewReviewRules.Distinct([PrincipalId, .. ReviewerIds ?? []]);
}

/// <summary>
/// What the caller looked up beforehand: which of the named user ids exist, and how many PENDING or ACTIVE
/// reviews the target principal already has.
/// </summary>
public sealed record KnownUsers(ISet<string> ExistingIds, int OpenReviewsOfPrincipal = 0);
