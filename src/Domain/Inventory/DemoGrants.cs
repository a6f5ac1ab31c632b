namespace AccessReviewFunctions.Domain.Inventory;

/// <summary>The demo grants: every user gets a few applications; the target principal gets a fixed set of twelve.</summary>
internal sealed class DemoGrants(Random random, DateTimeOffset referenceDate, DemoCatalog catalog, IReadOnlyList<InventoryUser> users)
{
    public IReadOnlyList<Grant> Create()
    {
        var grants = new List<Grant>();
        foreach (var user in users)
        {
            IEnumerable<int> apps = user.Id switch
            {
                DemoInventory.TargetId => DemoInventory.TargetApps,
                DemoInventory.AdminId => [4, 6, 8, 16, 17],
                _ => Pick(3 + random.Next(8)),
            };
            var index = 0;
            foreach (var app in apps)
            {
                grants.Add(user.Id == DemoInventory.TargetId ? TargetGrant(user, app, index) : RandomGrant(user, app));
                index++;
            }
        }

        return grants;
    }

    private SortedSet<int> Pick(int count)
    {
        var chosen = new SortedSet<int> { 4, 6 };
        while (chosen.Count < count)
        {
            chosen.Add(random.Next(DemoInventory.Apps.Length));
        }

        return chosen;
    }

    private Grant RandomGrant(InventoryUser user, int app)
    {
        var type = random.Next(100) switch
        {
            < 40 => AssignmentType.INDIVIDUAL,
            < 85 => AssignmentType.GROUP,
            _ => AssignmentType.ACCESS_REQUEST,
        };
        var usage = random.Next(100) switch
        {
            < 12 => Usage.Never,
            < 30 => Usage.Stale,
            _ => Usage.Recent,
        };
        var extras = random.Next(100);
        return Build(user, app, type, usage, groupCount: type == AssignmentType.GROUP ? 1 + random.Next(2) : 0, valueCount: extras < 50 ? random.Next(3) : 0, withBundle: extras >= 90);
    }

    /// <summary>The target's grants cycle through every combination so a review of them shows every case.</summary>
    private Grant TargetGrant(InventoryUser user, int app, int index)
    {
        var type = (AssignmentType)(index % 3);
        var usage = (index % 4) switch
        {
            0 => Usage.Recent,
            1 => Usage.Stale,
            2 => Usage.Recent,
            _ => Usage.Never,
        };
        return Build(user, app, type, usage, groupCount: index % 3 == 1 ? 2 : 1, valueCount: 1 + (index % 2), withBundle: index % 4 == 2);
    }

    private Grant Build(InventoryUser user, int app, AssignmentType type, Usage usage, int groupCount, int valueCount, bool withBundle)
    {
        var appId = DemoInventory.AppId(DemoInventory.Apps[app].Slug);
        var groups = catalog.GroupsOf(appId).Take(groupCount).Select(g => g.Id).ToList();
        var values = catalog.ValuesOf(appId).Take(valueCount).Select(v => v.Id).ToList();
        var bundles = withBundle ? catalog.BundlesOf(appId).Take(1).Select(b => b.Id).ToList() : [];
        DateTimeOffset? lastAccess = usage switch
        {
            Usage.Never => null,
            Usage.Stale => referenceDate.AddDays(-91 - random.Next(300)),
            _ => referenceDate.AddDays(-random.Next(60)).AddMinutes(-random.Next(1440)),
        };
        var latest = lastAccess ?? referenceDate;
        var window = Math.Max(1, (int)(latest - user.Created).TotalDays);
        var assigned = latest < user.Created ? latest.AddDays(-1) : user.Created.AddDays(random.Next(window));
        var count = usage == Usage.Recent ? 1 + random.Next(200) : 0;
        return new Grant(user.Id, appId, type, assigned, groups, values, bundles, lastAccess, count);
    }

    private enum Usage
    {
        Recent,
        Stale,
        Never,
    }
}
