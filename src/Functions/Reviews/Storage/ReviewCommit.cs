using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews.Storage;

/// <summary>
/// One atomic change of a review: the new header, its events as history, the messages it causes (outbox),
/// its events as System Log (audit) rows, the item rows it changed and, when a queue message caused it, that message's id. Written as one
/// entity-group transaction, so the header's ETag guards the item rows too.
/// </summary>
public sealed record ReviewCommit(
    ReviewSnapshot Snapshot,
    string? ExpectedETag,
    IReadOnlyList<ReviewEvent> Events,
    IReadOnlyList<OutgoingMessage> Outbox,
    string? ProcessedMessageId = null,
    IReadOnlyList<AccessItem>? Items = null,
    IReadOnlyList<SubAccessItem>? SubItems = null)
{
    /// <summary>Storage's limit on one entity-group transaction.</summary>
    public const int MaxOperations = 100;

    /// <summary>Header, per event a history row and an audit row, outbox, processed id and item rows.</summary>
    public int OperationCount =>
        1 + (2 * Events.Count) + Outbox.Count + (ProcessedMessageId is null ? 0 : 1) + (Items?.Count ?? 0) + (SubItems?.Count ?? 0);
}

public sealed record LoadedReview(SecurityAccessReview Review, string ETag);

/// <summary>The review's header changed since it was read (ETag mismatch): reload and try again.</summary>
public sealed class ReviewConcurrencyException(string reviewId)
    : Exception($"Review {reviewId} was changed by someone else")
{
}

/// <summary>The message that would cause this commit was already processed: the commit is a duplicate.</summary>
public sealed class DuplicateMessageException(string messageId)
    : Exception($"Message {messageId} was already processed")
{
}
