using System.Text.Json;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Domain.Tests.Inventory;

public sealed class DemoInventoryTests
{
    private static readonly DateTimeOffset Reference = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly InventoryDocument demo = DemoInventory.Create(Reference);

    [Fact]
    public void Create_Twice_SameDocument()
    {
        Assert.Equal(JsonSerializer.Serialize(demo), JsonSerializer.Serialize(DemoInventory.Create(Reference)));
    }

    [Fact]
    public void Create_IsValid()
    {
        Assert.Empty(InventoryValidator.Validate(demo, StoredInventoryIds.None));
    }

    [Fact]
    public void Create_HasExpectedSize()
    {
        Assert.Equal(300, demo.Users.Count);
        Assert.Equal(30, demo.Applications.Count);
        Assert.InRange(demo.Groups.Count, 60, 180);
        Assert.InRange(demo.Entitlements.Count, 30, 90);
        Assert.NotEmpty(demo.Bundles);
        Assert.InRange(demo.Grants.Count, 1500, 3000);
        Assert.Contains(demo.Applications, a => a.Label == "Salesforce");
        Assert.All(demo.Users.Where(u => u.Id.StartsWith("00uemp", StringComparison.Ordinal)), u => Assert.Equal(20, u.Id.Length));
        Assert.All(demo.Applications, a => Assert.Matches("^0oa[a-z0-9]{17}$", a.Id));
    }

    [Fact]
    public void Create_WellKnownPrincipalsExist()
    {
        var ids = demo.Users.Select(u => u.Id).ToHashSet();

        Assert.Contains(DemoInventory.AdminId, ids);
        Assert.Contains(DemoInventory.TargetId, ids);
        Assert.All(DemoInventory.ReviewerIds, r => Assert.Contains(r, ids));
        Assert.Equal("admin@acme.example", demo.Users.Single(u => u.Id == "00uadmin000000000001").Login);
        Assert.Equal("00ureviewer000000001", demo.Users.Single(u => u.Id == "00utarget00000000001").ManagerId);
    }

    [Fact]
    public void Create_TargetHasTwelveAppsWithEveryCase()
    {
        var grants = demo.Grants.Where(g => g.PrincipalId == DemoInventory.TargetId).ToList();

        Assert.Equal(12, grants.Count);
        Assert.All(grants, g => Assert.NotEmpty(g.GroupIds));
        Assert.All(grants, g => Assert.NotEmpty(g.EntitlementValueIds));
        Assert.Equal(3, grants.Select(g => g.AssignmentType).Distinct().Count());
        Assert.Contains(grants, g => g.LastAccess is null);
        Assert.Contains(grants, g => g.LastAccess < Reference.AddDays(-90));
        Assert.Contains(grants, g => g.BundleIds.Count > 0);
    }

    [Fact]
    public void Create_GrantsMixAssignmentTypesAndUsage()
    {
        var byType = demo.Grants.GroupBy(g => g.AssignmentType).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(Enum.GetValues<AssignmentType>(), t => Assert.True(byType.GetValueOrDefault(t) > 50, $"{t}: {byType.GetValueOrDefault(t)}"));
        Assert.True(demo.Grants.Count(g => g.LastAccess is null) > 100);
        Assert.True(demo.Grants.Count(g => g.LastAccess < Reference.AddDays(-90)) > 100);
        Assert.All(demo.Grants, g => Assert.True(g.LastAccess is null || g.AssignedDate <= g.LastAccess));
    }

    [Fact]
    public void Create_SodRules_TwoHighFireForTargetOneMediumDoesNot()
    {
        var held = demo.Grants.Where(g => g.PrincipalId == DemoInventory.TargetId)
            .SelectMany(g => g.GroupIds.Concat(g.EntitlementValueIds).Append(g.AppId))
            .ToHashSet();

        Assert.Equal(["sodpayments000000001", "sodchanges0000000001", "sodexpenses000000001"], demo.SodRules.Select(r => r.Id));
        Assert.Equal(["ent00002400001000001", "00g00000002000000001", "0oaconcur00000000000"], demo.SodRules.Select(r => r.ResourceIdA));
        Assert.Equal(["0oaworkday0000000000", "0oajira0000000000000", "0oacoupa000000000000"], demo.SodRules.Select(r => r.ResourceIdB));
        var payments = demo.SodRules[0];
        Assert.Equal("Create and approve payments", payments.Name);
        Assert.Equal(Severity.HIGH, payments.Severity);
        Assert.Equal(DemoInventory.AppId("netsuite"), demo.Entitlements.Single(e => e.Values.Any(v => v.Id == payments.ResourceIdA)).AppId);
        Assert.Equal(DemoInventory.AppId("workday"), payments.ResourceIdB);
        var changes = demo.SodRules[1];
        Assert.Equal(DemoInventory.AppId("github"), demo.Groups.Single(g => g.Id == changes.ResourceIdA).AppId);
        Assert.Equal(DemoInventory.AppId("jira"), changes.ResourceIdB);
        Assert.All(demo.SodRules.Take(2), r => Assert.True(held.Contains(r.ResourceIdA) && held.Contains(r.ResourceIdB), r.Id));
        var expenses = demo.SodRules[2];
        Assert.Equal(Severity.MEDIUM, expenses.Severity);
        Assert.False(held.Contains(expenses.ResourceIdA) || held.Contains(expenses.ResourceIdB));
    }
}
