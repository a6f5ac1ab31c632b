using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews;

namespace AccessReviewFunctions.Domain.RiskEvents;

/// <summary>Who reviews a risk-triggered review: the principal's manager (from the inventory) or named users.</summary>
public enum PolicyReviewers
{
    MANAGER,
    USERS,
}

/// <summary>
/// A trigger policy: an event of <see cref="EventType"/> at <see cref="MinRiskLevel"/> or above (when set), and for
/// <see cref="RequiredAppLabel"/> an app target carrying that governance label, starts a review of the first target
/// of type <see cref="PrincipalTargetType"/>. Reviewers are the manager or <see cref="ReviewerIds"/>; the
/// <see cref="FallbackReviewerIds"/> stand in when the manager is missing, is the principal, or is not ACTIVE.
/// </summary>
public sealed record ReviewPolicy(
    string EventType,
    RiskLevel? MinRiskLevel,
    string PrincipalTargetType,
    PolicyReviewers Reviewers,
    IReadOnlyList<string> ReviewerIds,
    IReadOnlyList<string> FallbackReviewerIds,
    TimeSpan Duration,
    ExpirationBehavior ExpirationBehavior,
    string NameTemplate,
    string? RequiredAppLabel = null)
{
    public const int MaxNameLength = 255;

    /// <summary>The review's name: <c>{eventType}</c>, <c>{target.displayName}</c>, <c>{target.id}</c>, <c>{actor.displayName}</c> replaced.</summary>
    public string NameFor(RiskEvent e, AuditTarget principal)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(principal);
        var name = NameTemplate
            .Replace("{eventType}", e.EventType, StringComparison.Ordinal)
            .Replace("{target.displayName}", principal.DisplayName, StringComparison.Ordinal)
            .Replace("{target.id}", principal.Id, StringComparison.Ordinal)
            .Replace("{actor.displayName}", e.Event.Actor.DisplayName, StringComparison.Ordinal);
        return name.Length > MaxNameLength ? name[..MaxNameLength] : name;
    }

    /// <summary>The reviewers for this principal: the manager when usable, else the fallback; named users as given.</summary>
    public IReadOnlyList<string> ReviewersFor(InventoryUser principal, InventoryUser? manager)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (Reviewers == PolicyReviewers.USERS)
        {
            return [.. ReviewerIds.Where(id => id != principal.Id)];
        }

        return manager is { Status: UserStatus.ACTIVE } && manager.Id != principal.Id
            ? [manager.Id]
            : [.. FallbackReviewerIds.Where(id => id != principal.Id)];
    }
}

/// <summary>The configured policies, and whether an event for a principal with an open risk-triggered review joins it.</summary>
public sealed record ReviewPolicies(IReadOnlyList<ReviewPolicy> Policies, bool JoinOpenReview = true)
{
    public const string HighRiskLabel = "high-risk";

    /// <summary>
    /// <c>user.risk.detect</c> at HIGH: a review of the target user by their manager; <c>access.request.resolve</c>
    /// granting an app labelled high-risk: a review of the requester (an event-driven micro-certification).
    /// </summary>
    public static ReviewPolicies Default { get; } = new(
    [
        new ReviewPolicy("user.risk.detect", RiskLevel.HIGH, AuditTypes.User, PolicyReviewers.MANAGER, [], [], TimeSpan.FromDays(7), ExpirationBehavior.DO_NOTHING, "{eventType} for {target.displayName}"),
        new ReviewPolicy("access.request.resolve", null, AuditTypes.User, PolicyReviewers.MANAGER, [], [], TimeSpan.FromDays(7), ExpirationBehavior.DO_NOTHING, "{eventType} for {target.displayName}", HighRiskLabel),
    ]);

    /// <summary>
    /// The first policy the event satisfies and the target it reviews, or why none does.
    /// <paramref name="appLabels"/> gives an app target's governance labels (empty when unknown).
    /// </summary>
    public PolicyMatch Match(RiskEvent e, Func<string, IReadOnlyList<string>> appLabels)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(appLabels);
        var why = $"no policy for {e.EventType}";
        foreach (var policy in Policies.Where(p => p.EventType == e.EventType))
        {
            if (policy.MinRiskLevel is { } min && (e.Level ?? RiskLevel.NONE) < min)
            {
                why = $"risk level {e.Level?.ToString() ?? "unknown"} is below {min}";
                continue;
            }

            if (policy.RequiredAppLabel is { } label && !e.Event.Target.Any(t => t.Type != AuditTypes.User && appLabels(t.Id).Contains(label, StringComparer.OrdinalIgnoreCase)))
            {
                why = $"no target app labelled {label}";
                continue;
            }

            if (e.Event.Target.FirstOrDefault(t => t.Type == policy.PrincipalTargetType) is not { } principal)
            {
                why = $"no target of type {policy.PrincipalTargetType}";
                continue;
            }

            return new PolicyMatch(policy, principal, null);
        }

        return new PolicyMatch(null, null, why);
    }

    /// <summary>Checks a policy set from <c>PUT /api/v1/review-policies</c>; every problem is one cause.</summary>
    public void Validate()
    {
        var causes = new List<Violation>();
        for (var i = 0; i < Policies.Count; i++)
        {
            var p = Policies[i];
            var path = $"policies[{i}]";
            if (string.IsNullOrWhiteSpace(p.EventType))
            {
                causes.Add(new($"{path}.eventType", ViolationCode.Required, "is required"));
            }

            if (string.IsNullOrWhiteSpace(p.PrincipalTargetType))
            {
                causes.Add(new($"{path}.principalTargetType", ViolationCode.Required, "is required"));
            }

            if (p.Reviewers == PolicyReviewers.USERS && p.ReviewerIds.Count is 0 or > 10)
            {
                causes.Add(new($"{path}.reviewerIds", ViolationCode.OutOfRange, "USERS needs 1 to 10 reviewer ids"));
            }

            if (p.FallbackReviewerIds.Count > 10)
            {
                causes.Add(new($"{path}.fallbackReviewerIds", ViolationCode.TooMany, "at most 10"));
            }

            if (p.Duration < TimeSpan.FromHours(1) || p.Duration > TimeSpan.FromDays(365))
            {
                causes.Add(new($"{path}.duration", ViolationCode.OutOfRange, "must be from 1 hour to 365 days"));
            }

            if (string.IsNullOrWhiteSpace(p.NameTemplate) || p.NameTemplate.Length > ReviewPolicy.MaxNameLength)
            {
                causes.Add(new($"{path}.nameTemplate", ViolationCode.OutOfRange, $"must be 1 to {ReviewPolicy.MaxNameLength} characters"));
            }
        }

        Violations.ThrowIfAny(causes);
    }
}

/// <summary>The policy an event matched and the target it reviews; or, when none matched, why (<see cref="Skipped"/>).</summary>
public sealed record PolicyMatch(ReviewPolicy? Policy, AuditTarget? Principal, string? Skipped);
