using AccessReviewFunctions.Domain.Inventory;

namespace AccessReviewFunctions.Domain.Tests.Inventory;

public sealed class InventoryValidatorTests
{
    [Fact]
    public void Validate_ValidDocument_NoProblems()
    {
        Assert.Empty(Sample.Validate(Sample.Document()));
    }

    [Fact]
    public void Validate_MissingRequiredFields_NamesEachPath()
    {
        var user = Sample.User() with { Login = "", FirstName = null!, Created = default };
        var app = Sample.App() with { Label = " " };

        var problems = Sample.Validate(Sample.Document(users: [user], apps: [app]));

        Assert.Contains("users[0].login: required", problems);
        Assert.Contains("users[0].firstName: required", problems);
        Assert.Contains("users[0].created: required", problems);
        Assert.Contains("applications[0].label: required", problems);
    }

    [Fact]
    public void Validate_BadEmailAndId_ReportsFormat()
    {
        var user = Sample.User(id: "00u/bad") with { Email = "not-an-email" };

        var problems = Sample.Validate(Sample.Document(users: [user], grants: []));

        Assert.Contains("users[0].email: not a valid email address: not-an-email", problems);
        Assert.Contains(problems, p => p.StartsWith("users[0].id: invalid id 00u/bad", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Duplicates_ReportsSecondOccurrence()
    {
        var users = new[] { Sample.User(), Sample.User(login: "other@acme.example"), Sample.User(id: "00u00000000000000002", login: "ANN@acme.example") };
        var grants = new[] { Sample.Grant(), Sample.Grant() };
        var entitlements = new[] { Sample.Entitlement(valueIds: ["ent1", "ent1"]) };

        var problems = Sample.Validate(Sample.Document(users: users, entitlements: entitlements, grants: grants));

        Assert.Contains("users[1].id: duplicate id 00u00000000000000001 (also users[0])", problems);
        Assert.Contains("users[2].login: duplicate login ANN@acme.example (also users[0])", problems);
        Assert.Contains("grants[1].principalId/appId: duplicate principalId/appId 00u00000000000000001 / 0oa00000000000000001 (also grants[0])", problems);
        Assert.Contains("entitlements[0].values[1].id: duplicate id ent1 (also entitlements[0].values[0])", problems);
    }

    [Fact]
    public void Validate_UndefinedEnumValues_ListsAllowedValues()
    {
        var user = Sample.User() with { Status = (UserStatus)42 };
        var grant = Sample.Grant() with { AssignmentType = (AssignmentType)(-1), AccessCount90Days = -1 };

        var problems = Sample.Validate(Sample.Document(users: [user], grants: [grant]));

        Assert.Contains("users[0].status: unknown value; expected one of ACTIVE, SUSPENDED, DEPROVISIONED, STAGED", problems);
        Assert.Contains("grants[0].assignmentType: unknown value; expected one of INDIVIDUAL, GROUP, ACCESS_REQUEST", problems);
        Assert.Contains("grants[0].accessCount90Days: must be 0 or more", problems);
    }

    [Fact]
    public void Validate_UnknownReferences_ReportsEach()
    {
        var user = Sample.User(managerId: "00u99999999999999999");
        var grants = new[]
        {
            Sample.Grant(principalId: "00u88888888888888888"),
            Sample.Grant(appId: "0oa999"),
            Sample.Grant(groups: ["00g404"], values: ["ent404"], bundles: ["enb404"]),
        };

        var problems = Sample.Validate(Sample.Document(users: [user], groups: [Sample.Group(appId: "0oa777")], grants: grants));

        Assert.Contains("users[0].managerId: unknown user 00u99999999999999999", problems);
        Assert.Contains("groups[0].appId: unknown application 0oa777", problems);
        Assert.Contains("grants[0].principalId: unknown user 00u88888888888888888", problems);
        Assert.Contains("grants[1].appId: unknown application 0oa999", problems);
        Assert.Contains("grants[2].groupIds[0]: unknown group 00g404 of application 0oa00000000000000001", problems);
        Assert.Contains("grants[2].entitlementValueIds[0]: unknown entitlement value ent404 of application 0oa00000000000000001", problems);
        Assert.Contains("grants[2].bundleIds[0]: unknown bundle enb404 of application 0oa00000000000000001", problems);
    }

    [Fact]
    public void Validate_ResourceOfAnotherApp_ReportsOwner()
    {
        var apps = new[] { Sample.App(), Sample.App("0oa00000000000000002") };
        var groups = new[] { Sample.Group(appId: "0oa00000000000000002") };
        var grants = new[] { Sample.Grant(groups: ["00g00000000000000001"]) };

        var problems = Sample.Validate(Sample.Document(apps: apps, groups: groups, grants: grants));

        Assert.Equal(["grants[0].groupIds[0]: group 00g00000000000000001 belongs to application 0oa00000000000000002, not 0oa00000000000000001"], problems);
    }

    [Fact]
    public void Validate_ReferencesToStoredIds_Resolve()
    {
        var document = new InventoryDocument(
            [Sample.User(managerId: "00ustored000000000001")], [], [], [], [],
            [Sample.Grant(appId: "0oastored", groups: ["00gstored"], values: ["entstored"], bundles: ["enbstored"])], []);
        var references = InventoryValidator.UnresolvedReferences(document);
        var stored = new StoredInventoryIds(
            references.UserIds,
            references.AppIds,
            references.Groups,
            references.EntitlementValues.ToDictionary(v => v, _ => "espstored"),
            references.Bundles,
            new Dictionary<string, IReadOnlyList<string>>());

        Assert.Equal(["00ustored000000000001"], references.UserIds);
        Assert.Equal(["0oastored"], references.AppIds);
        Assert.Equal([new AppResourceRef("0oastored", "00gstored")], references.Groups);
        Assert.Empty(Sample.Validate(document, stored));
        Assert.Equal(["users[0].managerId: unknown user 00ustored000000000001", "grants[0].appId: unknown application 0oastored"], Sample.Validate(document));
    }

    [Fact]
    public void Validate_StoredValueOfRedefinedEntitlement_IsGone()
    {
        var document = Sample.Document(entitlements: [Sample.Entitlement("espstored", valueIds: "entnew")], grants: [Sample.Grant(values: ["entold"])]);
        var stored = StoredInventoryIds.None with
        {
            EntitlementValues = new Dictionary<AppResourceRef, string> { [new AppResourceRef("0oa00000000000000001", "entold")] = "espstored" },
        };

        var problems = Sample.Validate(document, stored);

        Assert.Equal(["grants[0].entitlementValueIds[0]: unknown entitlement value entold of application 0oa00000000000000001"], problems);
    }

    [Fact]
    public void Validate_NullEntriesAndCollections_ReportedNotThrown()
    {
        var document = new InventoryDocument([null!], null!, [], [], [], [Sample.Grant() with { GroupIds = null! }], null!);

        var problems = Sample.Validate(document);

        Assert.Contains("users[0]: must not be null", problems);
        Assert.Contains("grants[0].principalId: unknown user 00u00000000000000001", problems);
        Assert.Contains("grants[0].appId: unknown application 0oa00000000000000001", problems);
    }
}
