using System.Globalization;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Decisions;
using AccessReviewFunctions.Domain.Reviews.Queries;
using AccessReviewFunctions.Domain.Reviews.Risk;
using AccessReviewFunctions.Functions.Reviews;

namespace AccessReviewFunctions.Functions.Okta.Reviews;

/// <summary>Read-side shapes: stats, principal details, access and sub-access items, anomalies, as the seed shows them.</summary>
internal static class AccessItemMapper
{
    public static ReviewStatsDto ToDto(IReadOnlyDictionary<ReviewStatus, int> counts) => new(
        counts.GetValueOrDefault(ReviewStatus.ACTIVE),
        counts.GetValueOrDefault(ReviewStatus.PENDING),
        counts.GetValueOrDefault(ReviewStatus.ERROR),
        counts.GetValueOrDefault(ReviewStatus.CLOSED));

    public static PrincipalDetailsDto ToDto(PrincipalDetails details, string basePath)
    {
        var (review, user, manager) = (details.Review, details.Principal, details.Manager);
        var self = $"{basePath}/{review.Id}";
        var home = new LocationDto(user.City, user.State, user.Country);
        return new PrincipalDetailsDto(
            user.Id, user.Email, user.FirstName, user.LastName, user.Login, user.Status.ToString(),
            user.Department,
            manager is null ? null : $"{manager.FirstName} {manager.LastName}",
            user.Title,
            home,
            user.LastLogin is { } at ? new LastLoginInfoDto(at, home) : null,
            user.AdminRoles.Select(r => new AdminRoleDto(r, RoleName(r))).ToList(),
            review.CreatedBy, review.Created, review.LastUpdated, review.LastUpdatedBy,
            new Dictionary<string, LinkDto>
            {
                ["securityAccessReviewDetails"] = ReviewMapper.Link(self, "GET"),
                ["history"] = ReviewMapper.Link($"{self}/history", "GET"),
                ["userDetails"] = ReviewMapper.Link($"/api/v1/users/{user.Id}", "GET"),
                ["accesses"] = ReviewMapper.Link($"{self}/accesses", "GET"),
            });
    }

    public static AccessItemDto ToDto(AccessItem item)
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
            decision?.Automatic == true ? true : null, decision?.Automatic == true ? decision.Note : null);
    }

    public static SubAccessItemDto ToDto(SubAccessItem item, AccessItem? parent)
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
            decision?.Automatic == true ? true : null, decision?.Automatic == true ? decision.Note : null);
    }

    public static AnomalyDto ToDto(Anomaly anomaly) => new(
        anomaly.Type.ToString(),
        anomaly.Severity.ToString(),
        new SubtextDto(anomaly.Subtext.Message, anomaly.Subtext.Args.Count == 0 ? null : anomaly.Subtext.Args.Select(a => new AnomalyArgDto(a.Value, a.Type)).ToList()));

    private static EntitlementDto ToDto(EntitlementRef entitlement) => new(entitlement.Id, entitlement.Name, entitlement.Description);

    private static List<string> Actions(IReadOnlyList<AccessAction> actions) => actions.Select(a => a.ToString()).ToList();

    /// <summary>SUPER_ADMIN → "Super Admin".</summary>
    private static string RoleName(string roleId) =>
        string.Join(' ', roleId.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..].ToLower(CultureInfo.InvariantCulture)));
}
