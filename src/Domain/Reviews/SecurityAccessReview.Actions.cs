using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Domain.Reviews;

public sealed partial class SecurityAccessReview
{
    /// <summary>The review actions its state allows now: none unless ACTIVE; restore-all only when something is revoked.</summary>
    public IReadOnlyList<ReviewAction> AvailableActions => Status != ReviewStatus.ACTIVE ? []
        : State.RevokedCount > 0 ? [ReviewAction.CLOSE_REVIEW, ReviewAction.RESTORE_ALL_ACCESS, ReviewAction.UNIVERSAL_LOGOUT]
        : [ReviewAction.CLOSE_REVIEW, ReviewAction.UNIVERSAL_LOGOUT];

    /// <summary>The action named, when the review offers it now; a read-only review says so, otherwise the error lists what it offers.</summary>
    public ReviewAction RequireAvailable(string? name)
    {
        if (EnumText.TryParse<ReviewAction>(name, out var action) && AvailableActions.Contains(action))
        {
            return action;
        }

        EnsureWritable();
        var available = AvailableActions.Count == 0 ? "none" : string.Join(", ", AvailableActions);
        throw DomainException.Validation(Fields.ReviewAction, ViolationCode.NotAllowed, $"'{name}' is not available for a {Status} review; available: {available}");
    }
}
