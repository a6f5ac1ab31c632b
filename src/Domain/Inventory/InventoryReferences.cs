namespace AccessReviewFunctions.Domain.Inventory;

/// <summary>A resource of one application: a group, entitlement value or bundle id scoped by its app.</summary>
public readonly record struct AppResourceRef(string AppId, string Id);

/// <summary>
/// Ids a document refers to without defining them: they must already be stored. ResourceIds are the unscoped ids of
/// separation-of-duties rules: each may be an application, group or entitlement value id.
/// </summary>
public sealed record InventoryReferences(
    IReadOnlySet<string> UserIds,
    IReadOnlySet<string> AppIds,
    IReadOnlySet<AppResourceRef> Groups,
    IReadOnlySet<AppResourceRef> EntitlementValues,
    IReadOnlySet<AppResourceRef> Bundles,
    IReadOnlySet<string> ResourceIds,
    IReadOnlySet<string>? ServerIds = null)
{
    public bool IsEmpty =>
        UserIds.Count == 0 && AppIds.Count == 0 && Groups.Count == 0 && EntitlementValues.Count == 0 && Bundles.Count == 0 && ResourceIds.Count == 0
        && (ServerIds?.Count ?? 0) == 0;
}

/// <summary>
/// Which of the asked-for references exist in storage. EntitlementValues maps each stored value to its entitlement's id,
/// so a document that redefines that entitlement hides its stored values. Resources maps each stored unscoped resource id
/// (of <see cref="InventoryReferences.ResourceIds"/>) to the ids of the entitlements holding it as a value; empty for an
/// application or group id, which a document cannot hide.
/// </summary>
public sealed record StoredInventoryIds(
    IReadOnlySet<string> UserIds,
    IReadOnlySet<string> AppIds,
    IReadOnlySet<AppResourceRef> Groups,
    IReadOnlyDictionary<AppResourceRef, string> EntitlementValues,
    IReadOnlySet<AppResourceRef> Bundles,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Resources,
    IReadOnlySet<string>? ServerIds = null)
{
    public static StoredInventoryIds None { get; } = new(
        new HashSet<string>(),
        new HashSet<string>(),
        new HashSet<AppResourceRef>(),
        new Dictionary<AppResourceRef, string>(),
        new HashSet<AppResourceRef>(),
        new Dictionary<string, IReadOnlyList<string>>());
}
