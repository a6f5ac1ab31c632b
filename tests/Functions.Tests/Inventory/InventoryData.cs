using System.Net.Http.Json;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Functions.Inventory;

namespace AccessReviewFunctions.Functions.Tests.Inventory;

/// <summary>Small inventory documents for the HTTP tests.</summary>
internal static class InventoryData
{
    public const string AppId = "0oaapp00000000000001";
    public const string GroupId = "00ggrp00000000000001";
    public const string ValueId = "entval00000000000001";
    public static readonly DateTimeOffset Created = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static InventoryUser User(int n, string first = "Ann", string last = "Lee", string? login = null)
    {
        var email = login ?? $"{first}.{last}{n}@acme.example".ToLowerInvariant();
        return new InventoryUser(Id(n), email, email, first, last, UserStatus.ACTIVE, "IT", null, "Engineer", "Austin", "TX", "US", Created, null, []);
    }

    public static string Id(int n) => $"00utest{n:D13}";

    public static Application App(string id = AppId) => new(id, "salesforce", "Salesforce", ["SOX"], new Uri("https://cdn.example/salesforce.png"));

    public static Grant Grant(int user, AssignmentType type, string appId = AppId) =>
        new(Id(user), appId, type, Created.AddDays(1), [GroupId], [ValueId], [], Created.AddDays(2), 7);

    public static InventoryDocument Document(IReadOnlyList<InventoryUser> users, IReadOnlyList<Grant>? grants = null) => new(
        users,
        [App()],
        [new AppGroup(GroupId, AppId, "Salesforce Users", null)],
        [new Entitlement("espent00000000000001", AppId, "Role", null, [new EntitlementValue(ValueId, "Viewer", null)])],
        [],
        grants ?? [],
        []);

    public static JsonContent Json(object document) => JsonContent.Create(document, options: InventoryJson.Options);
}
