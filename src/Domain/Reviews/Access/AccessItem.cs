using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Domain.Reviews.Access;

/// <summary>A top-level resource the principal had access to when the review gathered its snapshot (one per app).</summary>
public sealed record AccessItem(
    string Id,
    string AppId,
    string AppName,
    string Label,
    DateTimeOffset AssignedDate,
    string AssignmentType,
    int ApplicationUsage,
    DateTimeOffset? LastAccess,
    IReadOnlyList<EntitlementRef> ActiveEntitlements,
    IReadOnlyList<string> SubAccessTypes,
    IReadOnlyList<string> GovernanceLabels,
    RiskAssessment? Risk = null,
    ItemDecision? Decision = null,
    int Revision = 0,
    DateTimeOffset? LastSecurityAccessReviewDate = null,
    Uri? LogoUrl = null,
    ItemRemediation? Remediation = null)
{
    public const string Type = "APPLICATION";

    public bool Revoked => Decision?.Revoked == true;

    /// <summary>What a reviewer can do now: revoke kept access, restore revoked access.</summary>
    public IReadOnlyList<AccessAction> SupportedActions => ItemActions.Supported(Decision);
}

public sealed record EntitlementRef(string Id, string Name, string? Description);
