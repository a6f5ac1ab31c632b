using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Domain.Tests.Reviews;

public sealed class AccessSnapshotBuild
{
    private static readonly DateTimeOffset Assigned = new(2025, 6, 13, 14, 23, 35, TimeSpan.Zero);

    [Fact]
    public void Build_AppWithGroupsValuesAndBundle_OneItemWithEverySubItem()
    {
        var (items, subs) = AccessSnapshot.Build("sar1", Access());

        var item = Assert.Single(items, i => i.AppId == "0oaapp1");
        Assert.Equal("App One", item.Label);
        Assert.Equal("INDIVIDUAL", item.AssignmentType);
        Assert.Equal(["ENTITLEMENT_BUNDLE", "ENTITLEMENT_VALUE", "GROUP"], item.SubAccessTypes);
        Assert.Equal(["esprole", "espregion"], item.ActiveEntitlements.Select(e => e.Id));
        var mine = subs.Where(s => s.AccessItemId == item.Id).ToList();
        Assert.Equal(3, mine.Count);
        Assert.Contains(mine, s => s.Type == "GROUP" && s.Name == "Admins");
        Assert.Contains(mine, s => s.Name == "Role: admin" && s.EntitlementInfo!.Type == "ENTITLEMENT_VALUE" && s.EntitlementInfo.EntitlementDescription == "Role in app");
        var bundle = Assert.Single(mine, s => s.EntitlementInfo?.Type == "ENTITLEMENT_BUNDLE");
        Assert.Equal(["espregion"], bundle.EntitlementInfo!.Entitlements.Select(e => e.Id));
    }

    [Fact]
    public void Build_AppWithoutSubAccess_ItemHasNoSubTypes()
    {
        var (items, _) = AccessSnapshot.Build("sar1", Access());

        Assert.Empty(Assert.Single(items, i => i.AppId == "0oaapp2").SubAccessTypes);
    }

    [Fact]
    public void Build_Twice_SameIds()
    {
        var first = AccessSnapshot.Build("sar1", Access());
        var second = AccessSnapshot.Build("sar1", Access());
        var otherReview = AccessSnapshot.Build("sar2", Access());

        Assert.Equal(first.Items.Select(i => i.Id), second.Items.Select(i => i.Id));
        Assert.Equal(first.SubItems.Select(i => i.Id), second.SubItems.Select(i => i.Id));
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(otherReview.Items.Select(i => i.Id)));
        Assert.All(first.Items, i => Assert.Matches("^aim[0-9A-Za-z]{17}$", i.Id));
    }

    [Fact]
    public void Build_WithSodRule_NamesTheConflictingResource()
    {
        var rule = new SodRule("sod1", "Admin and Two", "00gadmins", "0oaapp2", Severity.HIGH);
        var context = new RiskContext(new Dictionary<string, AppAssignmentStats>(), [], [rule], Assigned.AddDays(100));

        var (items, subs) = AccessSnapshot.Build("sar1", Access(), context);

        var appTwo = Assert.Single(items, i => i.AppId == "0oaapp2").Risk!;
        var sod = Assert.Single(appTwo.Anomalies, a => a.Type == AnomalyType.SOD_CONFLICT);
        Assert.Equal(["Admin and Two", "Admins (App One)"], sod.Subtext.Args.Select(a => a.Value));
        Assert.Equal(Severity.HIGH, Assert.Single(subs, s => s.ResourceId == "00gadmins").Risk!.SodConflict);
        Assert.Equal(Severity.NONE, Assert.Single(subs, s => s.ResourceId == "entadmin").Risk!.SodConflict);
    }

    private static PrincipalAccess Access()
    {
        var user = new InventoryUser("00utarget", "t@example.com", "t@example.com", "T", "Arget", UserStatus.ACTIVE,
            null, null, null, null, null, null, Assigned, null, []);
        var app1 = new ApplicationResources(
            new Application("0oaapp1", "app_one", "App One", ["Crown Jewel"]),
            [new AppGroup("00gadmins", "0oaapp1", "Admins", null), new AppGroup("00gusers", "0oaapp1", "Users", null)],
            [
                new Entitlement("esprole", "0oaapp1", "Role", "Role in app", [new EntitlementValue("entadmin", "admin", "Administrator"), new EntitlementValue("entread", "read", null)]),
                new Entitlement("espregion", "0oaapp1", "Region", null, [new EntitlementValue("enteu", "eu", null)]),
            ],
            [new EntitlementBundle("enbeu", "0oaapp1", "EU bundle", "EU access", ["enteu"])]);
        var app2 = new ApplicationResources(new Application("0oaapp2", "app_two", "App Two", []), [], [], []);
        return new PrincipalAccess(user,
        [
            new Grant("00utarget", "0oaapp1", AssignmentType.INDIVIDUAL, Assigned, ["00gadmins"], ["entadmin"], ["enbeu"], Assigned, 12),
            new Grant("00utarget", "0oaapp2", AssignmentType.GROUP, Assigned, [], [], [], null, 0),
        ],
        new Dictionary<string, ApplicationResources> { ["0oaapp1"] = app1, ["0oaapp2"] = app2 });
    }
}
