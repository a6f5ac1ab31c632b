using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using AccessReviewFunctions.Domain.Reviews.Values;

namespace AccessReviewFunctions.Domain.Audit;

/// <summary>
/// Maps review events to System Log entries. Pure: the actor's and principal's display data is just their id
/// here; the read side enriches it from the inventory. The display message and the outcome's reason are
/// <see cref="PlainText.Escape"/>d: they quote names, failures and changes that may predate the rule or come from elsewhere.
/// <list type="bullet">
/// <item>ReviewCreated → access.review.create</item>
/// <item>ReviewActivated → access.review.start (SUCCESS); ReviewFailed → access.review.start (FAILURE, WARN)</item>
/// <item>ReviewClosed → access.review.close, reason manual / end time / completed</item>
/// <item>AccessDecided, UndecidedAccessRevoked, AllAccessRestored → access.review.action, reason the decision</item>
/// <item>UniversalLogoutRequested → access.review.action (a remediation a reviewer asks for, reason UNIVERSAL_LOGOUT)</item>
/// <item>AccessRemediated → access.review.remediate: the terminal state of a decision's downstream change, SUCCESS or FAILURE with the reason</item>
/// <item>ReviewUpdated, ReviewCommented → access.review.update (both change the review's record, not access)</item>
/// </list>
/// </summary>
public static class AuditEvents
{
    /// <summary>The actor of what the workflow does by itself; each dialect shows it under its own name.</summary>
    public const string SystemId = "system";

    /// <param name="e">The event.</param>
    /// <param name="review">The review as the event left it (the commit's snapshot).</param>
    /// <param name="uuid">The log entry's id.</param>
    /// <param name="transactionId">Correlates the entries of one change; defaults to <paramref name="uuid"/>.</param>
    /// <param name="origin">The request of the person who caused it; applied only to an event a person caused (a user actor), never to the system's.</param>
    public static AuditEvent From(ReviewEvent e, ReviewSnapshot review, string uuid, string? transactionId = null, RequestOrigin? origin = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(review);
        var debug = new Dictionary<string, string>(StringComparer.Ordinal) { ["reviewId"] = review.Id };
        if (e.SystemGenerated)
        {
            debug["automatic"] = "true";
        }

        var reviewTarget = new AuditTarget(review.Id, AuditTypes.Review, review.Name, review.Name);
        var principal = UserRef(review.PrincipalId);
        List<AuditTarget> targets = [reviewTarget, principal];
        string eventType;
        string? reason;
        var result = AuditTypes.Success;
        switch (e)
        {
            case ReviewCreated created:
                eventType = AuditTypes.Create;
                reason = $"created {created.Name}";
                targets = [reviewTarget, UserRef(created.PrincipalId)];
                break;
            case ReviewActivated activated:
                eventType = AuditTypes.Start;
                reason = $"gathered {activated.AccessItemCount} access items";
                debug["accessItemCount"] = activated.AccessItemCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case ReviewFailed failed:
                eventType = AuditTypes.Start;
                result = AuditTypes.Failure;
                reason = failed.Reason;
                break;
            case ReviewClosed closed:
                eventType = AuditTypes.Close;
                reason = closed.Reason switch
                {
                    CloseReason.EndTimeReached => "end time reached",
                    CloseReason.Completed => "completed: every access item has a decision",
                    _ => "closed manually",
                };
                debug["closeReason"] = closed.Reason.ToString();
                break;
            case AccessDecided decided:
                eventType = AuditTypes.Action;
                reason = decided.Action.ToString();
                var detail = decided.SubItemId is null ? null : new Dictionary<string, string>(StringComparer.Ordinal) { ["subAccessItemId"] = decided.SubItemId };
                targets.Add(new AuditTarget(decided.AccessItemId, AuditTypes.AccessItem, decided.Target, decided.Target, detail));
                AddNote(debug, decided.Note);
                break;
            case UndecidedAccessRevoked revoked:
                eventType = AuditTypes.Action;
                reason = nameof(AccessAction.REVOKE_ACCESS);
                debug["count"] = revoked.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                debug["scope"] = "UNDECIDED";
                AddNote(debug, revoked.Note);
                break;
            case AllAccessRestored restored:
                eventType = AuditTypes.Action;
                reason = nameof(AccessAction.RESTORE_ACCESS);
                debug["count"] = restored.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                debug["scope"] = "ALL";
                break;
            case UniversalLogoutRequested logout:
                eventType = AuditTypes.Action;
                reason = "UNIVERSAL_LOGOUT";
                targets = [reviewTarget, UserRef(logout.PrincipalId)];
                break;
            case AccessRemediated remediated:
                eventType = AuditTypes.Remediate;
                result = remediated.Succeeded ? AuditTypes.Success : AuditTypes.Failure;
                reason = remediated.Reason;
                var remediatedDetail = remediated.SubItemId is null ? null : new Dictionary<string, string>(StringComparer.Ordinal) { ["subAccessItemId"] = remediated.SubItemId };
                targets.Add(remediated.Kind == RemediationKind.LOGOUT
                    ? UserRef(remediated.AccessItemId)
                    : new AuditTarget(remediated.AccessItemId, AuditTypes.AccessItem, remediated.Target, remediated.Target, remediatedDetail));
                debug["remediation"] = remediated.Kind.ToString();
                debug["remediationStatus"] = remediated.Status.ToString();
                break;
            case ReviewUpdated updated:
                eventType = AuditTypes.Update;
                reason = string.Join("; ", updated.Changes);
                break;
            case RiskEventJoined joined:
                eventType = AuditTypes.Update;
                reason = "RISK_EVENT";
                debug["eventType"] = joined.EventType;
                debug["eventUuid"] = joined.EventUuid;
                break;
            case ReviewCommented commented:
                eventType = AuditTypes.Update;
                reason = "COMMENT";
                debug["comment"] = commented.Comment;
                break;
            default:
                eventType = AuditTypes.Update;
                reason = null;
                break;
        }

        var actor = e.ActorId is null
            ? new AuditActor(SystemId, AuditTypes.SystemPrincipal, SystemId, SystemId)
            : new AuditActor(e.ActorId, AuditTypes.User, e.ActorId, e.ActorId);
        var entry = new AuditEvent(
            uuid,
            e.At,
            eventType,
            AuditTypes.Version,
            result == AuditTypes.Failure ? AuditTypes.Warn : AuditTypes.Info,
            PlainText.Escape($"{Capitalize(e.Describe())} ({review.Name})"),
            actor,
            new AuditClient(),
            new AuditAuthenticationContext(),
            new AuditSecurityContext(),
            targets,
            new AuditOutcome(result, reason is null ? null : PlainText.Escape(reason)),
            new AuditTransaction(e.SystemGenerated ? AuditTypes.Job : AuditTypes.Web, transactionId ?? uuid),
            new AuditDebugContext(debug));
        return origin is not null && !e.SystemGenerated ? origin.ApplyTo(entry) : entry;
    }

    private static AuditTarget UserRef(string id) => new(id, AuditTypes.User, id, id);

    private static void AddNote(Dictionary<string, string> debug, string? note)
    {
        if (note is not null)
        {
            debug["note"] = note;
        }
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
