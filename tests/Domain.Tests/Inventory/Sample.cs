using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Domain.Tests.Inventory;

/// <summary>A small valid inventory document to break in one place per test.</summary>
internal static class Sample
{
    public static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static InventoryUser User(string id = "00u00000000000000001", string login = "ann@acme.example", string? managerId = null) =>
        new(id, login, login, "Ann", "Lee", UserStatus.ACTIVE, "IT", managerId, null, null, null, "US", Now.AddDays(-10), null, []);

    public static Application App(string id = "0oa00000000000000001") => new(id, "app", "App", []);

    public static AppGroup Group(string id = "00g00000000000000001", string appId = "0oa00000000000000001") => new(id, appId, "Group", null);

    public static Entitlement Entitlement(string id = "esp00000000000000001", string appId = "0oa00000000000000001", params string[] valueIds) =>
        new(id, appId, "Role", null, valueIds.Select(v => new EntitlementValue(v, "Value " + v, null)).ToList());

    public static Grant Grant(string principalId = "00u00000000000000001", string appId = "0oa00000000000000001", string[]? groups = null, string[]? values = null, string[]? bundles = null) =>
        new(principalId, appId, AssignmentType.GROUP, Now.AddDays(-5), groups ?? [], values ?? [], bundles ?? [], null, 0);

    public static InventoryDocument Document(
        IReadOnlyList<InventoryUser>? users = null,
        IReadOnlyList<Application>? apps = null,
        IReadOnlyList<AppGroup>? groups = null,
        IReadOnlyList<Entitlement>? entitlements = null,
        IReadOnlyList<EntitlementBundle>? bundles = null,
        IReadOnlyList<Grant>? grants = null,
        IReadOnlyList<SodRule>? sodRules = null) =>
        new(users ?? [User()], apps ?? [App()], groups ?? [Group()], entitlements ?? [Entitlement(valueIds: "ent00000000000000001")], bundles ?? [],
            grants ?? [Grant(groups: ["00g00000000000000001"], values: ["ent00000000000000001"])], sodRules ?? []);

    /// <summary>A valid rule over the sample group and entitlement value.</summary>
    public static SodRule Rule(string id = "sod1", string a = "00g00000000000000001", string b = "ent00000000000000001", Severity severity = Severity.HIGH) =>
        new(id, "Rule " + id, a, b, severity);

    public static IReadOnlyList<string> Validate(InventoryDocument document, StoredInventoryIds? stored = null) =>
        [.. InventoryValidator.Validate(document, stored ?? StoredInventoryIds.None).Select(v => v.ToString())];
}
