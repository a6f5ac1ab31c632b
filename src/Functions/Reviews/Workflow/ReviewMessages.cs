using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.Reviews.Workflow;

internal static class ReviewQueues
{
    /// <summary>Lifecycle events and timers: small, fast handlers.</summary>
    public const string Control = "review-control";

    /// <summary>Activities: gathering access and other slow work.</summary>
    public const string Work = "review-work";
}

/// <summary>Activity: snapshot the principal's access into the review, then activate it.</summary>
internal sealed record GatherAccess(string ReviewId) : IWorkflowMessage
{
    public string MessageId => $"{ReviewId}.gather";
}

/// <summary>
/// Durable timer for the review's end time. Storage queues delay a message at most 7 days, so a longer timer
/// arrives early and re-arms itself (Hop + 1) until its due time.
/// </summary>
internal sealed record ReviewEndTimer(string ReviewId, DateTimeOffset DueAt, int Hop = 0) : IWorkflowMessage
{
    public string MessageId => $"{ReviewId}.end.{DueAt.UtcTicks}.{Hop}";
}

/// <summary>
/// Activity: write the rows of the review's pending decisions (automatic rejections, restore-all, large cascades),
/// step by step. Applying is idempotent, so the message is not deduplicated: each one applies whatever is pending.
/// </summary>
internal sealed record ApplyPendingDecisions(string ReviewId) : IWorkflowMessage
{
    public string MessageId => $"{ReviewId}.apply";
}

/// <summary>Activity: copy a closed review's decisions into the principal's decision log, read by later reviews.</summary>
internal sealed record RecordDecisions(string ReviewId) : IWorkflowMessage
{
    public string MessageId => $"{ReviewId}.record";
}

/// <summary>
/// Feed of the System Log table: copy the audit rows a commit wrote (revisions From … From+Count-1) into the
/// time-bucketed, hash-chained log. Sent through the commit's outbox, so no committed event is ever left out.
/// With <see cref="Appended"/> set it is the one entry appended after revision From without the header (a comment).
/// </summary>
internal sealed record AppendReviewLog(string ReviewId, int FromRevision, int Count, string? Appended = null) : IWorkflowMessage
{
    public const string Queue = "system-log";

    public string MessageId => Appended is null ? $"{ReviewId}.log.{FromRevision}" : $"{ReviewId}.log.{FromRevision}.{Appended}";

    /// <summary>The feed message of one entry appended after <paramref name="revision"/> under <paramref name="suffix"/>.</summary>
    public static OutgoingMessage AfterAppend(string reviewId, int revision, string suffix) => new(Queue, new AppendReviewLog(reviewId, revision, 1, suffix));

    /// <summary>The feed message of a commit of <paramref name="eventCount"/> events that left the review at <paramref name="revision"/>.</summary>
    public static IEnumerable<OutgoingMessage> After(string reviewId, int revision, int eventCount) =>
        eventCount == 0 ? [] : [new OutgoingMessage(Queue, new AppendReviewLog(reviewId, revision - eventCount + 1, eventCount))];
}
