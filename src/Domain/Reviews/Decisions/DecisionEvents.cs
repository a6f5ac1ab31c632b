namespace AccessReviewFunctions.Domain.Reviews.Decisions;

/// <summary>A reviewer (or, automatically, the system) decided on an access or sub-access item.</summary>
public sealed record AccessDecided(
    string ReviewId, DateTimeOffset At, string? ActorId, string AccessItemId, string? SubItemId, string Target, AccessAction Action, string? Note)
    : ReviewEvent(ReviewId, At, ActorId)
{
    public override string Describe() =>
        Action switch
        {
            AccessAction.FLAG_FOR_MANUAL_REMEDIATION => $"flagged access to {Target} for manual remediation",
            AccessAction.FLAG_FOR_MANUAL_RESTORATION => $"flagged access to {Target} for manual restoration",
            _ => (Action == AccessAction.REVOKE_ACCESS ? "revoked" : "restored") + $" access to {Target}",
        } + (Note is null ? string.Empty : $": {Note}");
}

/// <summary>At expiry with AUTO_REJECT_INCOMPLETE, the system revoked every item left undecided.</summary>
public sealed record UndecidedAccessRevoked(string ReviewId, DateTimeOffset At, int Count, string? Note)
    : ReviewEvent(ReviewId, At, null)
{
    public override string Describe() =>
        $"automatically revoked {Count} undecided access item{(Count == 1 ? string.Empty : "s")} at the end time" + (Note is null ? string.Empty : $": {Note}");
}

public sealed record AllAccessRestored(string ReviewId, DateTimeOffset At, string ActorId, int Count)
    : ReviewEvent(ReviewId, At, ActorId)
{
    public override string Describe() => $"restored all revoked access ({Count} item{(Count == 1 ? string.Empty : "s")})";
}

public sealed record UniversalLogoutRequested(string ReviewId, DateTimeOffset At, string ActorId, string PrincipalId)
    : ReviewEvent(ReviewId, At, ActorId)
{
    public override string Describe() => $"requested a universal logout of {PrincipalId}";
}

public sealed record ReviewUpdated(string ReviewId, DateTimeOffset At, string ActorId, IReadOnlyList<string> Changes)
    : ReviewEvent(ReviewId, At, ActorId)
{
    public override string Describe() => "updated the review: " + string.Join("; ", Changes);
}
