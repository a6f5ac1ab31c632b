using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Domain.Inventory;

/// <summary>A batch of inventory to upsert: every collection may be empty.</summary>
public sealed record InventoryDocument(
    IReadOnlyList<InventoryUser> Users,
    IReadOnlyList<Application> Applications,
    IReadOnlyList<AppGroup> Groups,
    IReadOnlyList<Entitlement> Entitlements,
    IReadOnlyList<EntitlementBundle> Bundles,
    IReadOnlyList<Grant> Grants,
    IReadOnlyList<SodRule> SodRules,
    IReadOnlyList<ServerResource>? Servers = null,
    IReadOnlyList<ServerAccess>? ServerAccesses = null)
{
    public static InventoryDocument Empty { get; } = new([], [], [], [], [], [], [], [], []);

    /// <summary>The same document with absent (null) collections as empty lists; entries may still be null.</summary>
    public InventoryDocument WithCollections() => new(
        Users ?? [], Applications ?? [], Groups ?? [], Entitlements ?? [], Bundles ?? [], Grants ?? [], SodRules ?? [], Servers ?? [], ServerAccesses ?? []);

    /// <summary>The same document with absent (null) optional lists replaced by empty ones; call after validation.</summary>
    public InventoryDocument Normalized() => new(
        Users.Select(u => u with { AdminRoles = u.AdminRoles ?? [] }).ToList(),
        Applications.Select(a => a with { GovernanceLabels = a.GovernanceLabels ?? [] }).ToList(),
        Groups,
        Entitlements.Select(e => e with { Values = e.Values ?? [] }).ToList(),
        Bundles.Select(b => b with { EntitlementValueIds = b.EntitlementValueIds ?? [] }).ToList(),
        Grants.Select(g => g with { GroupIds = g.GroupIds ?? [], EntitlementValueIds = g.EntitlementValueIds ?? [], BundleIds = g.BundleIds ?? [] }).ToList(),
        SodRules ?? [],
        Servers ?? [],
        (ServerAccesses ?? []).Select(a => a with { Conditions = a.Conditions ?? [] }).ToList());
}

/// <summary>An application with the groups, entitlements and bundles it defines.</summary>
public sealed record ApplicationResources(
    Application App,
    IReadOnlyList<AppGroup> Groups,
    IReadOnlyList<Entitlement> Entitlements,
    IReadOnlyList<EntitlementBundle> Bundles);

/// <summary>Everything one principal can access: their grants and the resources of the granted applications, by app id.</summary>
public sealed record PrincipalAccess(
    InventoryUser Principal,
    IReadOnlyList<Grant> Grants,
    IReadOnlyDictionary<string, ApplicationResources> Apps);

/// <summary>How many principals hold a grant to one application, per assignment type.</summary>
public sealed record AppAssignmentStats(string AppId, IReadOnlyDictionary<AssignmentType, int> UsersByAssignmentType);

