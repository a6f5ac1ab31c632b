using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Domain.Reviews.Queries;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using AccessReviewFunctions.Domain.Reviews.Risk;
using AccessReviewFunctions.Functions.Remediation;
using AccessReviewFunctions.Functions.Reviews;

namespace AccessReviewFunctions.Functions.Okta.Accesses;

/// <summary>Access items, sub-access items and anomalies in the seed's shapes.</summary>
internal static class AccessMapper
{
    public static AccessItemDto ToDto(string reviewId, AccessItem item)
    {
        var priority = RiskFields.Priority(item.Risk).ToString();
        var decision = item.Decision;
        return new AccessItemDto(
            item.Id, AccessItem.Type, item.Label, priority, priority, Actions(item.SupportedActions),
            new AppInfoDto(item.AppId, item.AppName, item.Label, item.AssignedDate, item.AssignmentType, item.ApplicationUsage, item.LastAccess,
                item.ActiveEntitlements.Count == 0 ? null : item.ActiveEntitlements.Select(ToDto).ToList()),
            item.SubAccessTypes.Count == 0 ? null : item.SubAccessTypes,
            item.GovernanceLabels,
            decision?.Decision.ToString(), decision?.DecidedBy, decision?.DecidedAt,
            decision?.Automatic == true ? true : null, decision?.Automatic == true ? decision.Note : null,
            Remediation(reviewId, new RemediationTarget(item.Id, null, 0), item.Remediation));
    }

    public static SubAccessItemDto ToDto(string reviewId, SubAccessItem item, AccessItem? parent)
    {
        var priority = RiskFields.Priority(item.Risk).ToString();
        var decision = item.Decision;
        var info = item.EntitlementInfo;
        return new SubAccessItemDto(
            item.Id, item.Name, item.Type, priority, priority, Actions(item.SupportedActions), item.Description,
            info is null ? null : new EntitlementInfoDto(info.Type, info.Description, info.EntitlementDescription, info.AssignmentType,
                [], info.Entitlements.Select(ToDto).ToList(), info.GovernanceLabels),
            SubAccessItemListQuery.GovernanceLabels(item, parent),
            decision?.Decision.ToString(), decision?.DecidedBy, decision?.DecidedAt,
            decision?.Automatic == true ? true : null, decision?.Automatic == true ? decision.Note : null,
            item.Remediation is { } own ? Remediation(reviewId, new RemediationTarget(item.AccessItemId, item.Id, 0), own)
            : parent is null ? null : Remediation(reviewId, new RemediationTarget(parent.Id, null, 0), parent.Remediation));
    }

    public static AnomalyDto ToDto(Anomaly anomaly) => new(
        anomaly.Type.ToString(),
        anomaly.Severity.ToString(),
        new SubtextDto(anomaly.Subtext.Message, anomaly.Subtext.Args.Count == 0 ? null : anomaly.Subtext.Args.Select(a => new AnomalyArgDto(a.Value, a.Type)).ToList()));

    private static EntitlementDto ToDto(EntitlementRef entitlement) => new(entitlement.Id, entitlement.Name, entitlement.Description);

    /// <summary>A sub-item the app's change covers shows its access item's remediation.</summary>
    private static RemediationDto? Remediation(string reviewId, RemediationTarget target, ItemRemediation? remediation) =>
        remediation is null ? null : new RemediationDto(
            RemediationFanOut.RemediationId(reviewId, target with { Generation = remediation.Generation }), remediation.Kind.ToString(), remediation.Status.ToString(),
            remediation.Attempts, remediation.LastError, remediation.Result, remediation.Manual ? true : null,
            remediation.CreatedAt, remediation.UpdatedAt, remediation.CompletedAt);

    private static List<string> Actions(IReadOnlyList<AccessAction> actions) => actions.Select(a => a.ToString()).ToList();
}
