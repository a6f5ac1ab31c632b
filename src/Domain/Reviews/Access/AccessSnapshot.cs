using AccessReviewFunctions.Domain.Ids;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Domain.Reviews.Access;

/// <summary>
/// Turns the principal's access in the inventory into the review's access items (one per app) and sub-access
/// items (groups, entitlement values, bundles). Ids are derived from the review and the resource, so gathering
/// the same access twice writes the same rows.
/// Each item and sub-item carries its risk assessment as of gathering time.
/// </summary>
public static class AccessSnapshot
{
    public static (IReadOnlyList<AccessItem> Items, IReadOnlyList<SubAccessItem> SubItems) Build(string reviewId, PrincipalAccess access, RiskContext risk)
    {
        var (items, subItems) = Build(reviewId, access);
        var labels = items.ToDictionary(i => i.Id, i => i.Label);
        var held = new HeldResources(items.Select(i => (i.AppId, i.Label))
            .Concat(subItems.Select(s => (s.ResourceId, $"{s.Name} ({labels[s.AccessItemId]})")))
            .DistinctBy(r => r.Item1)
            .ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal));
        var subsByItem = subItems.ToLookup(s => s.AccessItemId);
        var assessedItems = items.Select(i => i with
        {
            Risk = AccessRisk.Assess(i, subsByItem[i.Id].ToList(), risk.StatsFor(i.AppId), risk.PastDecisions, risk.SodRules, held, risk.Now),
            LastSecurityAccessReviewDate = LastDecided(risk.PastDecisions, i.AppId),
        }).ToList();
        var parents = assessedItems.ToDictionary(i => i.Id);
        var assessedSubs = subItems.Select(s => s with
        {
            Risk = AccessRisk.Assess(s, parents[s.AccessItemId], risk.StatsFor(parents[s.AccessItemId].AppId), risk.PastDecisions, risk.SodRules, held, risk.Now),
            LastSecurityAccessReviewDate = LastDecided(risk.PastDecisions, s.ResourceId),
        }).ToList();
        return (assessedItems, assessedSubs);
    }

    /// <summary>When an earlier review last decided on the resource (from the decision log); null when none did.</summary>
    private static DateTimeOffset? LastDecided(IReadOnlyList<PastDecision> past, string resourceId) =>
        past.Where(d => d.ResourceId == resourceId).Select(d => (DateTimeOffset?)d.DecidedAt).Max();

    public static (IReadOnlyList<AccessItem> Items, IReadOnlyList<SubAccessItem> SubItems) Build(string reviewId, PrincipalAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var items = new List<AccessItem>();
        var subItems = new List<SubAccessItem>();
        foreach (var grant in access.Grants.OrderBy(g => g.AppId, StringComparer.Ordinal))
        {
            if (!access.Apps.TryGetValue(grant.AppId, out var resources))
            {
                continue;
            }

            var itemId = PrefixedIds.Derive("aim", reviewId, grant.AppId);
            var subs = SubItemsOf(reviewId, itemId, grant, resources).ToList();
            subItems.AddRange(subs);
            items.Add(new AccessItem(
                itemId,
                resources.App.Id,
                resources.App.Name,
                resources.App.Label,
                grant.AssignedDate,
                grant.AssignmentType.ToString(),
                grant.AccessCount90Days,
                grant.LastAccess,
                ActiveEntitlements(grant, resources),
                subs.Select(s => s.Type).Distinct().Order(StringComparer.Ordinal).ToList(),
                resources.App.GovernanceLabels,
                LogoUrl: resources.App.LogoUrl));
        }

        return (items, subItems);
    }

    private static IEnumerable<SubAccessItem> SubItemsOf(string reviewId, string itemId, Grant grant, ApplicationResources resources)
    {
        foreach (var group in resources.Groups.Where(g => grant.GroupIds.Contains(g.Id)))
        {
            yield return new SubAccessItem(Sub(reviewId, grant, group.Id), itemId, group.Id, group.Name, SubAccessTypes.Group, group.Description, null);
        }

        foreach (var entitlement in resources.Entitlements)
        {
            foreach (var value in entitlement.Values.Where(v => grant.EntitlementValueIds.Contains(v.Id)))
            {
                var info = new EntitlementInfo(SubAccessTypes.EntitlementValue, value.Description, entitlement.Description,
                    grant.AssignmentType.ToString(), [], resources.App.GovernanceLabels);
                yield return new SubAccessItem(Sub(reviewId, grant, value.Id), itemId, value.Id, $"{entitlement.Name}: {value.Name}",
                    SubAccessTypes.EntitlementValue, value.Description, info);
            }
        }

        foreach (var bundle in resources.Bundles.Where(b => grant.BundleIds.Contains(b.Id)))
        {
            var info = new EntitlementInfo(SubAccessTypes.EntitlementBundle, bundle.Description, null,
                grant.AssignmentType.ToString(), EntitlementsHolding(bundle.EntitlementValueIds, resources), resources.App.GovernanceLabels);
            yield return new SubAccessItem(Sub(reviewId, grant, bundle.Id), itemId, bundle.Id, bundle.Name, SubAccessTypes.EntitlementBundle, bundle.Description, info);
        }
    }

    private static List<EntitlementRef> ActiveEntitlements(Grant grant, ApplicationResources resources)
    {
        var valueIds = grant.EntitlementValueIds
            .Concat(resources.Bundles.Where(b => grant.BundleIds.Contains(b.Id)).SelectMany(b => b.EntitlementValueIds))
            .ToHashSet(StringComparer.Ordinal);
        return EntitlementsHolding(valueIds, resources);
    }

    private static List<EntitlementRef> EntitlementsHolding(IEnumerable<string> valueIds, ApplicationResources resources)
    {
        var wanted = valueIds.ToHashSet(StringComparer.Ordinal);
        return resources.Entitlements
            .Where(e => e.Values.Any(v => wanted.Contains(v.Id)))
            .Select(e => new EntitlementRef(e.Id, e.Name, e.Description))
            .ToList();
    }

    private static string Sub(string reviewId, Grant grant, string resourceId) => PrefixedIds.Derive("sai", reviewId, grant.AppId, resourceId);
}
