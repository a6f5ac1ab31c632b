namespace AccessReviewFunctions.Domain.Inventory;

/// <summary>An application (resource) that access can be granted to.</summary>
public sealed record Application(string Id, string Name, string Label, IReadOnlyList<string> GovernanceLabels, Uri? LogoUrl = null);

/// <summary>A group that grants access to one application.</summary>
public sealed record AppGroup(string Id, string AppId, string Name, string? Description);

/// <summary>An entitlement of one application (e.g. "Role") and the values it can take.</summary>
public sealed record Entitlement(string Id, string AppId, string Name, string? Description, IReadOnlyList<EntitlementValue> Values);

public sealed record EntitlementValue(string Id, string Name, string? Description);

/// <summary>A named set of entitlement values of one application.</summary>
public sealed record EntitlementBundle(string Id, string AppId, string Name, string? Description, IReadOnlyList<string> EntitlementValueIds);
