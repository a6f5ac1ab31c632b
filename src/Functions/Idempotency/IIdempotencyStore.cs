namespace AccessReviewFunctions.Functions.Idempotency;

/// <summary>
/// The first answer to a request made with an <c>Idempotency-Key</c>: the hash of the request it answered, and its status,
/// content type, Location and body. <see cref="Status"/> 0 means the first request is still running.
/// </summary>
internal sealed record IdempotentResponse(string RequestHash, int Status, string? ContentType, string? Location, string? Body, DateTimeOffset At)
{
    public bool InProgress => Status == 0;
}

/// <summary>Idempotency keys per caller: claimed by the first request, completed with its answer, kept for a day.</summary>
internal interface IIdempotencyStore
{
    /// <summary>
    /// Claims <paramref name="key"/> for <paramref name="caller"/>: null when this request may run (the key is new, or its
    /// record expired or was abandoned); otherwise the record of the first request, finished or still running.
    /// </summary>
    Task<IdempotentResponse?> TryClaimAsync(string caller, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken);

    Task CompleteAsync(string caller, string key, IdempotentResponse response, CancellationToken cancellationToken);

    /// <summary>The request failed: the key is free again for a retry.</summary>
    Task ReleaseAsync(string caller, string key, CancellationToken cancellationToken);
}
