namespace AccessReviewFunctions.Domain.Querying;

/// <summary>One page of rows and the <c>after</c> cursor for the next page (null when none remain).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
