namespace AccessReviewFunctions.Domain.Inventory;

/// <summary>The demo applications and the groups, entitlements and bundles each one defines.</summary>
internal sealed record DemoCatalog(
    IReadOnlyList<Application> Applications,
    IReadOnlyList<AppGroup> Groups,
    IReadOnlyList<Entitlement> Entitlements,
    IReadOnlyList<EntitlementBundle> Bundles)
{
    private static readonly string[] GroupSuffixes = ["Users", "Admins", "Read Only", "Power Users", "Contractors", "Engineering", "Sales", "Finance"];

    private static readonly (string Name, string[] Values)[] EntitlementKinds =
    [
        ("Role", ["Viewer", "Editor", "Administrator", "Owner", "Auditor"]),
        ("Permission Set", ["Export Data", "Manage Users", "Billing", "API Access", "Delete Records", "Run Reports"]),
        ("License", ["Standard", "Professional", "Enterprise"]),
    ];

    public static DemoCatalog Create(Random random)
    {
        var apps = new List<Application>();
        var groups = new List<AppGroup>();
        var entitlements = new List<Entitlement>();
        var bundles = new List<EntitlementBundle>();
        for (var a = 0; a < DemoInventory.Apps.Length; a++)
        {
            var (slug, label, labels) = DemoInventory.Apps[a];
            var appId = DemoInventory.AppId(slug);
            apps.Add(new Application(appId, slug, label, labels, new Uri($"https://{DemoInventory.EmailDomain}/logos/{slug}.png")));

            var groupCount = 2 + random.Next(5);
            for (var g = 0; g < groupCount; g++)
            {
                groups.Add(new AppGroup($"00g{a + 1:D8}{g + 1:D9}", appId, $"{label} {GroupSuffixes[g]}", $"Members get {label} as {GroupSuffixes[g].ToLowerInvariant()}"));
            }

            var appEntitlements = new List<Entitlement>();
            var entitlementCount = 1 + random.Next(3);
            for (var e = 0; e < entitlementCount; e++)
            {
                var (name, names) = EntitlementKinds[e];
                var valueCount = 2 + random.Next(names.Length - 1);
                var values = names.Take(valueCount)
                    .Select((n, v) => new EntitlementValue($"ent{a + 1:D6}{e + 1:D5}{v + 1:D6}", n, $"{label} {name}: {n}"))
                    .ToList();
                appEntitlements.Add(new Entitlement($"esp{a + 1:D8}{e + 1:D9}", appId, name, $"{label} {name.ToLowerInvariant()}", values));
            }

            entitlements.AddRange(appEntitlements);
            var valueIds = appEntitlements.SelectMany(e => e.Values).Select(v => v.Id).ToList();
            var bundleCount = random.Next(3);
            for (var b = 0; b < bundleCount; b++)
            {
                var members = valueIds.Where((_, i) => (i + b) % 2 == 0).ToList();
                bundles.Add(new EntitlementBundle($"enb{a + 1:D8}{b + 1:D9}", appId, b == 0 ? $"{label} Standard Access" : $"{label} Elevated Access", $"Bundle {b + 1} of {label}", members));
            }
        }

        return new DemoCatalog(apps, groups, entitlements, bundles);
    }

    public IReadOnlyList<AppGroup> GroupsOf(string appId) => Groups.Where(g => g.AppId == appId).ToList();

    public IReadOnlyList<EntitlementValue> ValuesOf(string appId) => Entitlements.Where(e => e.AppId == appId).SelectMany(e => e.Values).ToList();

    public IReadOnlyList<EntitlementBundle> BundlesOf(string appId) => Bundles.Where(b => b.AppId == appId).ToList();
}
