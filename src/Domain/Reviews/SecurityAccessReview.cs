using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews.Values;

namespace AccessReviewFunctions.Domain.Reviews;

/// <summary>
/// A security access review: PENDING while access is gathered, ACTIVE while reviewers decide, then CLOSED;
/// ERROR when gathering fails. Every transition takes the time, rejects what the state forbids, and returns its events.
/// </summary>
public sealed partial class SecurityAccessReview
{
    private SecurityAccessReview(ReviewSnapshot state) => State = state;

    public ReviewSnapshot State { get; private set; }

    public string Id => State.Id;

    public ReviewStatus Status => State.Status;

    public bool IsReviewer(string userId) => State.ReviewerIds.Contains(userId, StringComparer.Ordinal);

    public static SecurityAccessReview Restore(ReviewSnapshot snapshot) => new(snapshot);

    public static (SecurityAccessReview Review, ReviewEvent Created) Open(
        string id, NewReview request, KnownUsers known, string actorId, DateTimeOffset now, ReviewSettings settings)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(settings);
        var reviewers = NewReviewRules.Distinct(request.ReviewerIds);
        var endTime = request.EndTime ?? now + settings.DefaultDuration;
        var problems = NewReviewRules.Check(request, reviewers, endTime, known, now, settings);
        if (problems.Count > 0)
        {
            throw DomainException.Validation(problems);
        }

        var review = new SecurityAccessReview(new ReviewSnapshot(
            id, ReviewName.From(request.Name, problems)!.Value, request.PrincipalId!, reviewers, ReviewStatus.PENDING, endTime,
            now, actorId, now, actorId, 0, null, null, null,
            ExpirationBehavior: request.ExpirationBehavior ?? settings.ExpirationBehavior,
            ExpirationNote: ExpirationNote.From(request.ExpirationNote, problems)?.Value ?? settings.ExpirationNote,
            AutoComplete: request.AutoComplete ?? settings.AutoComplete));
        return (review, new ReviewCreated(id, now, actorId, review.State.Name, review.State.PrincipalId));
    }

    /// <summary>Opens a gathered review; <paramref name="summary"/> (the risk summary of its access, cut to size) stays on it.</summary>
    public ReviewEvent Activate(DateTimeOffset now, int accessItemCount, string? summary = null)
    {
        Require(ReviewStatus.PENDING, "activate");
        State = State with
        {
            Revision = State.Revision + 1, Status = ReviewStatus.ACTIVE, AccessItemCount = accessItemCount, LastUpdated = now, LastUpdatedBy = SystemActor,
            Summary = summary is null ? null : ReviewEvent.Cut(summary, ReviewLimits.MaxSummaryLength),
        };
        return new ReviewActivated(Id, now, accessItemCount);
    }

    public ReviewEvent Fail(DateTimeOffset now, string reason)
    {
        Require(ReviewStatus.PENDING, "fail");
        State = State with { Revision = State.Revision + 1, Status = ReviewStatus.ERROR, ErrorReason = reason, LastUpdated = now, LastUpdatedBy = SystemActor };
        return new ReviewFailed(Id, now, reason);
    }

    /// <summary>Closes an ACTIVE review. A PENDING one may close only at its end time (gathering never finished).</summary>
    public ReviewEvent Close(DateTimeOffset now, string? actorId, CloseReason reason)
    {
        var allowed = Status == ReviewStatus.ACTIVE || (Status == ReviewStatus.PENDING && reason == CloseReason.EndTimeReached);
        if (!allowed)
        {
            throw DomainException.InvalidTransition($"The review is {Status} and can't be closed");
        }

        if (reason == CloseReason.EndTimeReached && now < State.EndTime)
        {
            throw DomainException.InvalidTransition($"The review's end time {State.EndTime:O} has not been reached");
        }

        State = State with
        {
            Revision = State.Revision + 1, Status = ReviewStatus.CLOSED, ClosedAt = now, CloseReason = reason, LastUpdated = now,
            LastUpdatedBy = actorId ?? SystemActor,
        };
        return new ReviewClosed(Id, now, actorId, reason);
    }

    /// <summary>
    /// Closes the review at its end time. With AUTO_REJECT_INCOMPLETE an ACTIVE review's undecided items get a
    /// system REVOKE_ACCESS with the expiration note, recorded in the same step (their rows follow as a pending decision).
    /// </summary>
    public IReadOnlyList<ReviewEvent> Expire(DateTimeOffset now)
    {
        var wasActive = Status == ReviewStatus.ACTIVE;
        var closed = Close(now, null, CloseReason.EndTimeReached);
        return wasActive && RejectUndecided(now) is { } rejected ? [closed, rejected] : [closed];
    }

    /// <summary>A comment adds to the history only: the state is unchanged, so it is stored without the header.</summary>
    public ReviewEvent Comment(DateTimeOffset now, string actorId, string? comment)
    {
        EnsureWritable();
        return new ReviewCommented(Id, now, actorId, CommentText.From(comment).Value);
    }

    /// <summary>Records a further risk event about the principal in the history (by the system).</summary>
    public ReviewEvent JoinRiskEvent(DateTimeOffset now, string eventType, string eventUuid)
    {
        EnsureWritable();
        State = State with { Revision = State.Revision + 1, LastUpdated = now };
        return new RiskEventJoined(Id, now, eventType, eventUuid);
    }

    /// <summary>True when the end time has passed and the review is still open.</summary>
    /// <summary>
    /// True when the review shows access items: it was activated with its snapshot. A review closed before its gathering
    /// finished shows none, even when a gathering still running wrote rows before it found the review closed.
    /// </summary>
    public bool HasAccess => Status.HasAccess() && State.AccessItemCount > 0;

    public bool IsDue(DateTimeOffset now) => Status.IsOpen() && now >= State.EndTime;

    public void EnsureWritable()
    {
        if (!Status.IsOpen())
        {
            throw DomainException.InvalidTransition($"The review is {Status} and read-only");
        }
    }

    /// <summary>Reviewers act only on an ACTIVE review: a PENDING one has no access items yet.</summary>
    public void EnsureActive()
    {
        EnsureWritable();
        if (Status != ReviewStatus.ACTIVE)
        {
            throw DomainException.InvalidTransition($"The review is {Status}; access can be decided once it is ACTIVE");
        }
    }

    public const string SystemActor = "system";

    private void Apply(ReviewSnapshot next) => State = next with { Revision = State.Revision + 1 };

    private void Require(ReviewStatus expected, string transition)
    {
        if (Status != expected)
        {
            throw DomainException.InvalidTransition($"Can't {transition} a review that is {Status}; it must be {expected}");
        }
    }
}
