namespace AccessReviewFunctions.Domain.Reviews.PriorActions;

/// <summary>
/// One earlier decision on an access (same principal, resource and entitlement), in the vocabulary of Oracle Access
/// Governance's prior actions: what was done, in which review (campaign), by whom and when. <see cref="Id"/> is the
/// review's id: the decision log keeps one standing decision per review and resource, so it is unique in a list.
/// </summary>
public sealed record PriorAction(
    string Id,
    string CampaignName,
    string ReviewerName,
    PriorReviewerType ReviewerType,
    PriorActionType Action,
    DateTimeOffset TimeReviewed,
    string? Justification,
    int Level,
    PriorActionType FinalAction,
    bool IsAutoActioned,
    bool HasSodViolation);

/// <summary>Oracle's prior action values; a review here makes ACCEPT and REVOKE, the rest come from request workflows.</summary>
public enum PriorActionType
{
    ACCEPT,
    REVOKE,
    MODIFY,
    ASSIGN,
    REMOVE,
    REASSIGN,
    REJECTED,
    INITIAL_REQUEST,
    APPROVED,
    DELETED,
    CANCELLED,
    FAILED,
    REQUEST_INFO,
    PROVIDE_INFO,
    CANCEL,
    REJECT,
}

/// <summary>Oracle's reviewer types; a review here has USER reviewers and the SYSTEM for automatic decisions.</summary>
public enum PriorReviewerType
{
    CUSTOM_OWNER,
    OWNER,
    USER,
    USER_MANAGER,
    CLOUD_REVIEWER,
    APPROVAL_SYSTEM,
    REQUESTOR,
    BENEFICIARY,
    BENEFICIARY_MANAGER,
    CUSTOM_USER,
    GROUP,
    MANAGER_CHAIN,
    SYSTEM,
    NO_APPROVAL,
}
