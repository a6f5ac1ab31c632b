using System.Globalization;

namespace AccessReviewFunctions.Bench;

/// <summary>The bench's inventory documents (POST /api/v1/inventory/import): principal i holds <c>grants</c> of
/// <c>apps</c> applications (i, i+1, ... modulo apps), every 4th application has a group and the next an entitlement
/// value (sub-access items); reviewer i reviews principal i; all principals report to one manager.</summary>
internal static class BenchInventory
{
    public const string Admin = "00ubenchadmin0000001";
    public const string Manager = "00ubenchmanager00001";
    private const string Created = "2024-01-02T03:04:05Z";

    public static string Principal(int i) => string.Create(CultureInfo.InvariantCulture, $"00ubenchp{i:D11}");

    public static string Reviewer(int i) => string.Create(CultureInfo.InvariantCulture, $"00ubenchr{i:D11}");

    public static string App(int a) => string.Create(CultureInfo.InvariantCulture, $"0oabench{a:D12}");

    public static object Document(int principals, int grants, int apps)
    {
        object User(string id, string name, string? manager) => new
        {
            id, login = $"{name}@bench.example", email = $"{name}@bench.example", firstName = name, lastName = "Bench", status = "ACTIVE", created = Created, managerId = manager,
        };
        bool HasGroup(int a) => a % 4 == 0;
        bool HasEntitlement(int a) => a % 4 == 1;
        var random = new Random(7);
        return new
        {
            users = new[] { User(Admin, "admin", null), User(Manager, "manager", null) }
                .Concat(Enumerable.Range(0, principals).SelectMany(i => new[] { User(Principal(i), $"p{i}", Manager), User(Reviewer(i), $"r{i}", null) })),
            applications = Enumerable.Range(0, apps).Select(a => new { id = App(a), name = $"app{a}", label = $"App {a:D5}", governanceLabels = a % 10 == 0 ? new[] { "Crown Jewel" } : [] }),
            groups = Enumerable.Range(0, apps).Where(HasGroup).Select(a => new { id = $"00gbench{a:D12}", appId = App(a), name = $"Group {a}", description = "bench group" }),
            entitlements = Enumerable.Range(0, apps).Where(HasEntitlement).Select(a => new
            {
                id = $"espbench{a:D12}", appId = App(a), name = "Role", description = "bench role",
                values = new[] { new { id = $"entbench{a:D12}", name = "admin", description = "Administrator" } },
            }),
            bundles = Array.Empty<object>(),
            grants = Enumerable.Range(0, principals).SelectMany(p => Enumerable.Range(0, grants).Select(g => (p + g) % apps).Select(a => new
            {
                principalId = Principal(p),
                appId = App(a),
                assignmentType = (a % 3) switch { 0 => "INDIVIDUAL", 1 => "GROUP", _ => "ACCESS_REQUEST" },
                assignedDate = Created,
                groupIds = HasGroup(a) ? new[] { $"00gbench{a:D12}" } : [],
                entitlementValueIds = HasEntitlement(a) ? new[] { $"entbench{a:D12}" } : [],
                bundleIds = Array.Empty<string>(),
                lastAccess = a % 5 == 0 ? null : DateTimeOffset.UtcNow.AddDays(-random.Next(1, 200)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                accessCount90Days = random.Next(0, 50),
            })),
        };
    }
}
