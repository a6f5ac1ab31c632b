namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>Serialises the creation of reviews for one principal, so the open-review limit holds under concurrent creates.</summary>
internal interface IPrincipalClaims
{
    /// <summary>
    /// Counts the principal's open reviews, lets <paramref name="decide"/> rule on the new one (it throws to refuse),
    /// then records the claim; retries from the count when another create won the race.
    /// </summary>
    Task<T> ClaimAsync<T>(string principalId, string reviewId, Func<int, T> decide, CancellationToken cancellationToken);

    /// <summary>The reviews the principal's row lists: every open one, and closed ones until the next claim prunes them.</summary>
    Task<IReadOnlyList<string>> ReviewIdsAsync(string principalId, CancellationToken cancellationToken);
}
