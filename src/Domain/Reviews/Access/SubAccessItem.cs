using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Domain.Reviews.Access;

/// <summary>Access to a part of an access item's app: a group, an entitlement value or an entitlement bundle.</summary>
public sealed record SubAccessItem(
    string Id,
    string AccessItemId,
    string ResourceId,
    string Name,
    string Type,
    string? Description,
    EntitlementInfo? EntitlementInfo,
    RiskAssessment? Risk = null,
    ItemDecision? Decision = null,
    int Revision = 0,
    DateTimeOffset? LastSecurityAccessReviewDate = null,
    ItemRemediation? Remediation = null)
{
    public bool Revoked => Decision?.Revoked == true;

    public IReadOnlyList<AccessAction> SupportedActions => ItemActions.Supported(Decision);
}

/// <summary>The entitlement side of an ENTITLEMENT_VALUE or ENTITLEMENT_BUNDLE sub-item.</summary>
public sealed record EntitlementInfo(
    string Type,
    string? Description,
    string? EntitlementDescription,
    string AssignmentType,
    IReadOnlyList<EntitlementRef> Entitlements,
    IReadOnlyList<string> GovernanceLabels);

/// <summary>What a sub-access item is: a group, one entitlement value, or a bundle of entitlement values.</summary>
public static class SubAccessTypes
{
    public const string Group = "GROUP";
    public const string EntitlementValue = "ENTITLEMENT_VALUE";
    public const string EntitlementBundle = "ENTITLEMENT_BUNDLE";

    public static readonly IReadOnlyList<string> All = [Group, EntitlementValue, EntitlementBundle];
}
