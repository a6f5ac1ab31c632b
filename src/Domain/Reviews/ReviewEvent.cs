namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>Something that happened to a review; each becomes a history entry and an audit event.</summary>
public abstract record ReviewEvent(string ReviewId, DateTimeOffset At, string? ActorId)
{
    /// <summary>True when the system, not a person, caused it.</summary>
    public bool SystemGenerated => ActorId is null;

    /// <summary>False for events that go to the System Log only, not the review's history.</summary>
    public virtual bool InHistory => true;

    /// <summary>The history line, worded from the actor's side ("created Test SAR").</summary>
    public abstract string Describe();

    /// <summary>The history line: <see cref="Describe"/>, at most <see cref="ReviewLimits.MaxHistoryMessageLength"/> characters.</summary>
    public string HistoryMessage() => Cut(Describe(), ReviewLimits.MaxHistoryMessageLength);

    internal static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}

public sealed record ReviewCreated(string ReviewId, DateTimeOffset At, string ActorId, string Name, string PrincipalId)
    : ReviewEvent(ReviewId, At, ActorId)
{
    public override string Describe() => $"created {Name}";
}

public sealed record ReviewActivated(string ReviewId, DateTimeOffset At, int AccessItemCount)
    : ReviewEvent(ReviewId, At, null)
{
    public override string Describe() =>
        $"gathered {AccessItemCount} access item{(AccessItemCount == 1 ? string.Empty : "s")}; the review is active";
}

public sealed record ReviewFailed(string ReviewId, DateTimeOffset At, string Reason)
    : ReviewEvent(ReviewId, At, null)
{
    public override string Describe() => $"data gathering failed: {Reason}";
}

public sealed record ReviewClosed(string ReviewId, DateTimeOffset At, string? ActorId, CloseReason Reason)
    : ReviewEvent(ReviewId, At, ActorId)
{
    public override string Describe() => Reason switch
    {
        CloseReason.Manual => "closed the review",
        CloseReason.EndTimeReached => "closed the review: the end time was reached",
        CloseReason.Completed => "closed the review: completed, every access item has a decision",
        _ => "closed the review",
    };
}

public sealed record ReviewCommented(string ReviewId, DateTimeOffset At, string ActorId, string Comment)
    : ReviewEvent(ReviewId, At, ActorId)
{
    public override string Describe() => $"commented: {Comment}";
}

/// <summary>A further risk event about the principal of an open risk-triggered review, recorded in its history.</summary>
public sealed record RiskEventJoined(string ReviewId, DateTimeOffset At, string EventType, string EventUuid)
    : ReviewEvent(ReviewId, At, null)
{
    public override string Describe() => $"risk event {EventType} ({EventUuid}) joined the review";
}
