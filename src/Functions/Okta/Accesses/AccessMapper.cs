using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Domain.Reviews.Queries;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using AccessReviewFunctions.Domain.Reviews.Risk;
using AccessReviewFunctions.Functions.Remediation;
using AccessReviewFunctions.Functions.Reviews;

namespace AccessReviewFunctions.Functions.Okta.Accesses;

/// <summary>Access items, sub-access items and anomalies in the shapes of Okta's description.</summary>
internal static class AccessMapper
{
    /// <summary>The logo of an app the inventory has none for (Okta's appInfo requires one).</summary>
    public const string DefaultLogoPath = "/assets/img/logos/default.png";

    public static AccessItemDto ToDto(string reviewId, AccessItem item, OktaScope scope)
    {
        var priority = RiskFields.Priority(item.Risk).ToString();
        var decision = item.Decision;
        return new AccessItemDto(
            item.Id, AccessItem.Type, item.Label, item.AppId, priority, priority, Actions(item.SupportedActions),
            new AppInfoDto(item.AppId, item.AppName, item.Label, item.LogoUrl?.ToString() ?? scope.Url(DefaultLogoPath), item.AssignedDate,
                item.AssignmentType, item.ApplicationUsage, item.LastAccess, item.LastSecurityAccessReviewDate,
                item.ActiveEntitlements.Count == 0 ? null : item.ActiveEntitlements.Select(ToDto).ToList(),
                GovernanceLabels.Of(item.GovernanceLabels)),
            item.SubAccessTypes.Count == 0 ? null : item.SubAccessTypes,
            decision?.Decision.ToString(), decision?.DecidedBy, decision?.DecidedAt,
            decision?.Automatic == true ? true : null, decision?.Automatic == true ? decision.Note : null,
            Remediation(reviewId, new RemediationTarget(item.Id, null, 0), item.Remediation));
    }

    /// <summary>A sub-item: groups carry groupInfo, entitlement values and bundles entitlementInfo, dated and labelled from their app's grant.</summary>
    public static SubAccessItemDto ToDto(string reviewId, SubAccessItem item, AccessItem parent)
    {
        var priority = RiskFields.Priority(item.Risk).ToString();
        var decision = item.Decision;
        var info = item.EntitlementInfo;
        var labels = GovernanceLabels.Of(SubAccessItemListQuery.GovernanceLabels(item, parent));
        return new SubAccessItemDto(
            item.Id, item.Name, item.Type, item.ResourceId, priority, priority, Actions(item.SupportedActions), item.Description,
            info is null ? null : new EntitlementInfoDto(info.Type, info.Description, info.EntitlementDescription, parent.AssignedDate, info.AssignmentType,
                [], info.Entitlements.Select(ToDto).ToList(), item.LastSecurityAccessReviewDate, labels),
            item.Type == SubAccessTypes.Group
                ? new GroupInfoDto(item.Description, parent.AssignedDate, parent.AssignmentType, item.LastSecurityAccessReviewDate, labels)
                : null,
            decision?.Decision.ToString(), decision?.DecidedBy, decision?.DecidedAt,
            decision?.Automatic == true ? true : null, decision?.Automatic == true ? decision.Note : null,
            item.Remediation is { } own ? Remediation(reviewId, new RemediationTarget(item.AccessItemId, item.Id, 0), own)
            : Remediation(reviewId, new RemediationTarget(parent.Id, null, 0), parent.Remediation));
    }

    public static AnomalyDto ToDto(Anomaly anomaly) => new(
        anomaly.Type.ToString(),
        anomaly.Severity.ToString(),
        new SubtextDto(anomaly.Subtext.Message, anomaly.Subtext.Args.Count == 0 ? null : anomaly.Subtext.Args.Select(a => new AnomalyArgDto(a.Value, a.Type)).ToList()),
        anomaly.SodConflicts?.Select(ToDto).ToList());

    /// <summary>
    /// A rule as Okta's sodConflict: one list per side of the rule, each holding its resource (an app, a group or an
    /// entitlement value: the inventory's rules name resources, not entitlement lists), marked when it is the reviewed item's.
    /// </summary>
    private static SodConflictDto ToDto(SodConflict conflict) => new(
        conflict.RuleId, conflict.RuleName, "AND",
        [.. conflict.Sides.Select(s => new ConflictedListDto(s.Name, "ANY_ONE_OF",
            [new ConflictedEntitlementDto(s.ResourceId, s.Name, [new ConflictedValueDto(s.ResourceId, s.Name, s.SourceOfConflict)])]))]);

    private static EntitlementDto ToDto(EntitlementRef entitlement) => new(entitlement.Id, entitlement.Name, entitlement.Description);

    /// <summary>A sub-item the app's change covers shows its access item's remediation.</summary>
    internal static RemediationDto? Remediation(string reviewId, RemediationTarget target, ItemRemediation? remediation) =>
        remediation is null ? null : new RemediationDto(
            RemediationFanOut.RemediationId(reviewId, target with { Generation = remediation.Generation }), remediation.Kind.ToString(), remediation.Status.ToString(),
            remediation.Attempts, remediation.LastError, remediation.Result, remediation.Manual ? true : null,
            remediation.CreatedAt, remediation.UpdatedAt, remediation.CompletedAt);

    private static List<string> Actions(IReadOnlyList<AccessAction> actions) => actions.Select(a => a.ToString()).ToList();
}
