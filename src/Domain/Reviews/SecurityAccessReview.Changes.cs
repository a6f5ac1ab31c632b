using System.Globalization;
using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using AccessReviewFunctions.Domain.Reviews.Values;

namespace AccessReviewFunctions.Domain.Reviews;

public sealed partial class SecurityAccessReview
{
    /// <summary>
    /// An admin changes name, end time, reviewers or expiry settings of an open review, under the rules of creation.
    /// Turning auto-complete on when every item is decided closes the review.
    /// </summary>
    public IReadOnlyList<ReviewEvent> Update(DateTimeOffset now, string actorId, ReviewPatch patch, KnownUsers known, ReviewSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(known);
        EnsureWritable();
        var problems = new List<Violation>();
        var changes = new List<string>();
        var next = State;
        NewReviewRules.CheckReviewerType(patch.ReviewerType, problems);
        if (patch.Name is not null && ReviewName.From(patch.Name, problems) is { } name)
        {
            next = Change(next, next with { Name = name.Value }, $"renamed it to {name}", changes);
        }

        if (patch.EndTime is { } endTime)
        {
            NewReviewRules.CheckEndTime(endTime, now, State.Created, settings ?? ReviewSettings.Default, problems);
            next = Change(next, next with { EndTime = endTime }, $"changed the end time to {endTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}", changes);
        }

        if (patch.ReviewerIds is not null)
        {
            var reviewers = NewReviewRules.Distinct(patch.ReviewerIds);
            NewReviewRules.CheckReviewers(State.PrincipalId, reviewers, known, problems);
            next = Change(next, next with { ReviewerIds = reviewers }, $"changed the reviewers to {string.Join(", ", reviewers)}", changes);
        }

        next = ChangeExpiry(next, patch, problems, changes);
        if (problems.Count > 0)
        {
            throw DomainException.Validation(problems);
        }

        if (changes.Count == 0)
        {
            return [];
        }

        Apply(next with { LastUpdated = now, LastUpdatedBy = actorId });
        var events = new List<ReviewEvent> { new ReviewUpdated(Id, now, actorId, changes) };
        if (State.AutoCompleteDue)
        {
            events.Add(Close(now, null, CloseReason.Completed));
        }

        return events;
    }

    /// <summary>RESTORE_ALL_ACCESS: every revoked item (and its sub-items) is restored. Returns the rows this step writes.</summary>
    public (AccessRows Rows, ReviewEvent Event) RestoreAll(DateTimeOffset now, string actorId, AccessRows stored)
    {
        EnsureActive();
        var view = View(stored);
        var decision = new ItemDecision(AccessAction.RESTORE_ACCESS, actorId, now);
        var subsByItem = view.SubItems.ToLookup(s => s.AccessItemId);
        var restored = view.Items.Where(i => i.Revoked)
            .Select(i => DecideItem(new DecisionTarget(i, subsByItem[i.Id].ToList()), decision).Rows)
            .ToArray();
        if (restored.Length == 0)
        {
            throw DomainException.InvalidTransition("No access in this review is revoked");
        }

        Apply(State with { RevokedCount = 0, LastUpdated = now, LastUpdatedBy = actorId });
        var rows = new AccessRows([.. restored.SelectMany(r => r.Items)], [.. restored.SelectMany(r => r.SubItems)]);
        return (WriteOrDefer(rows, PendingScope.Revoked, decision), new AllAccessRestored(Id, now, actorId, restored.Length));
    }

    /// <summary>
    /// UNIVERSAL_LOGOUT: ends the principal's sessions everywhere; recorded here and planned as the review's logout
    /// remediation (on the header, generation this revision: a later logout supersedes it), carried out by a connector.
    /// </summary>
    public ReviewEvent RequestUniversalLogout(DateTimeOffset now, string actorId)
    {
        EnsureActive();
        Apply(State with { LastUpdated = now, LastUpdatedBy = actorId });
        var logout = new ItemRemediation(RemediationKind.LOGOUT, RemediationStatus.PENDING, State.Revision, now, now);
        var counts = (State.Remediation ?? RemediationCounts.None).Move(State.Logout?.Status, logout.Status).Settle(now, State.Pending.Count > 0);
        State = State with { Logout = logout, Remediation = counts };
        return new UniversalLogoutRequested(Id, now, actorId, State.PrincipalId);
    }

    private static ReviewSnapshot ChangeExpiry(ReviewSnapshot next, ReviewPatch patch, List<Violation> problems, List<string> changes)
    {
        if (patch.ExpirationBehavior is { } behavior)
        {
            next = Change(next, next with { ExpirationBehavior = behavior }, $"set the expiration behavior to {behavior}", changes);
        }

        if (patch.ExpirationNote is not null)
        {
            var note = ExpirationNote.From(patch.ExpirationNote, problems);
            next = Change(next, next with { ExpirationNote = note?.Value }, "changed the expiration note", changes);
        }

        if (patch.AutoComplete is { } autoComplete)
        {
            next = Change(next, next with { AutoComplete = autoComplete }, $"turned auto-complete {(autoComplete ? "on" : "off")}", changes);
        }

        return next;
    }

    private static ReviewSnapshot Change(ReviewSnapshot before, ReviewSnapshot after, string description, List<string> changes)
    {
        if (!SameSettings(before, after))
        {
            changes.Add(description);
        }

        return after;
    }

    private static bool SameSettings(ReviewSnapshot a, ReviewSnapshot b) =>
        a.Name == b.Name && a.EndTime == b.EndTime && a.ReviewerIds.SequenceEqual(b.ReviewerIds) &&
        a.ExpirationBehavior == b.ExpirationBehavior && a.ExpirationNote == b.ExpirationNote && a.AutoComplete == b.AutoComplete;
}
