namespace AccessReviewFunctions.Domain.Inventory;

/// <summary>A resource of one application: a group, entitlement value or bundle id scoped by its app.</summary>
public readonly record struct AppResourceRef(string AppId, string Id);

/// <summary>Ids a document refers to without defining them: they must already be stored.</summary>
public sealed record InventoryReferences(
    IReadOnlySet<string> UserIds,
    IReadOnlySet<string> AppIds,
    IReadOnlySet<AppResourceRef> Groups,
    IReadOnlySet<AppResourceRef> EntitlementValues,
    IReadOnlySet<AppResourceRef> Bundles)
{
    public bool IsEmpty => UserIds.Count == 0 && AppIds.Count == 0 && Groups.Count == 0 && EntitlementValues.Count == 0 && Bundles.Count == 0;
}

/// <summary>
/// Which of the asked-for references exist in storage. EntitlementValues maps each stored value to its entitlement's id,
/// so a document that redefines that entitlement hides its stored values.
/// </summary>
public sealed record StoredInventoryIds(
    IReadOnlySet<string> UserIds,
    IReadOnlySet<string> AppIds,
    IReadOnlySet<AppResourceRef> Groups,
    IReadOnlyDictionary<AppResourceRef, string> EntitlementValues,
    IReadOnlySet<AppResourceRef> Bundles)
{
    public static StoredInventoryIds None { get; } = new(
        new HashSet<string>(), new HashSet<string>(), new HashSet<AppResourceRef>(), new Dictionary<AppResourceRef, string>(), new HashSet<AppResourceRef>());
}
