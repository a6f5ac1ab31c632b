namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>A request to open a security access review, as received; <see cref="SecurityAccessReview.Open"/> validates it.</summary>
public sealed record NewReview(string? PrincipalId, string? Name, string? ReviewerType, IReadOnlyList<string>? ReviewerIds, DateTimeOffset? EndTime);

/// <summary>What the caller knows about the ids a new review names, looked up in the inventory beforehand.</summary>
public sealed record KnownUsers(ISet<string> ExistingIds);
