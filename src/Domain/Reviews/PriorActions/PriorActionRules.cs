using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Domain.Reviews.PriorActions;

/// <summary>
/// How a logged decision reads as a prior action, and how prior actions sort.
/// <list type="bullet">
/// <item>A revoke (<c>REVOKE_ACCESS</c>, or <c>FLAG_FOR_MANUAL_REMEDIATION</c>: the access goes, by hand) is REVOKE; a
/// keep (<c>RESTORE_ACCESS</c>, <c>FLAG_FOR_MANUAL_RESTORATION</c>) is ACCEPT. A row without the reviewer's own
/// action reads from its effect.</item>
/// <item>An automatic rejection at expiry is REVOKE with <see cref="PriorAction.IsAutoActioned"/>, by the SYSTEM
/// reviewer "System"; any other decision is the USER who made it (their name, or their id when the inventory no longer
/// knows them). A row logged before the decider was recorded reads as the USER "Unknown".</item>
/// <item>Reviews here have one level: <see cref="PriorAction.Level"/> is 1 and the logged decision is the standing one
/// at close, so <see cref="PriorAction.FinalAction"/> equals the action. The justification is the decision's note.</item>
/// </list>
/// </summary>
public static class PriorActionRules
{
    public const string SystemReviewerName = "System";
    public const string UnknownReviewerName = "Unknown";
    public const int SingleLevel = 1;

    public const string CampaignName = "campaignName";
    public const string ReviewerName = "reviewerName";
    public const string ReviewerType = "reviewerType";
    public const string TimeReviewed = "timeReviewed";
    public const string Action = "action";

    /// <summary>The sortable fields; timeReviewed ascending (oldest first) by default.</summary>
    public static readonly OrderBySchema Sorts = new(new OrderBy(TimeReviewed, SortDirection.Asc), CampaignName, ReviewerName, ReviewerType, TimeReviewed, Action);

    public static PriorAction From(PastDecision decision, Func<string, string?> userName)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(userName);
        var action = ActionOf(decision);
        var system = decision.Automatic || decision.DecidedBy == SecurityAccessReview.SystemActor;
        return new PriorAction(
            decision.ReviewId,
            decision.ReviewName ?? decision.ReviewId,
            system ? SystemReviewerName : decision.DecidedBy is { } by ? userName(by) ?? by : UnknownReviewerName,
            system ? PriorReviewerType.SYSTEM : PriorReviewerType.USER,
            action,
            decision.DecidedAt,
            decision.Note,
            SingleLevel,
            action,
            decision.Automatic,
            decision.HasSodViolation);
    }

    public static PriorActionType ActionOf(PastDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var revokes = EnumText.TryParse<AccessAction>(decision.Action, out var own)
            ? own.Revokes()
            : decision.Decision == PastDecisions.RevokeAccess;
        return revokes ? PriorActionType.REVOKE : PriorActionType.ACCEPT;
    }

    /// <summary>The total order for <paramref name="orderBy"/> (one of <see cref="Sorts"/>), the review id breaking ties.</summary>
    public static RowOrder<PriorAction> Order(OrderBy orderBy)
    {
        ArgumentNullException.ThrowIfNull(orderBy);
        Func<PriorAction, SortKey> key = orderBy.Field switch
        {
            CampaignName => a => SortKey.Of(a.CampaignName),
            ReviewerName => a => SortKey.Of(a.ReviewerName),
            ReviewerType => a => SortKey.Of(a.ReviewerType.ToString()),
            Action => a => SortKey.Of(a.Action.ToString()),
            _ => a => SortKey.Of(a.TimeReviewed),
        };
        return new RowOrder<PriorAction>(orderBy, key, a => a.Id);
    }
}
