using System.Net.Http.Json;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>A small inventory imported through the real import API: a target with three apps, three reviewers, an outsider.</summary>
internal static class TestInventory
{
    public const string Target = "00utarget00000000001";
    public const string ReviewerA = "00ureviewera00000001";
    public const string ReviewerB = "00ureviewerb00000001";
    public const string ReviewerC = "00ureviewerc00000001";
    public const string Outsider = "00uoutsider000000001";
    public const string Admin = "00uadmin000000000001";

    /// <summary>Principals without grants, for tests that need more open reviews than one principal may have.</summary>
    public const string Target2 = "00utarget00000000002";
    public const string Target3 = "00utarget00000000003";

    public static Task ImportAsync(ApiHost host, DateTimeOffset? assignedDate = null) => ImportAsync(host.AsAdmin(), assignedDate);

    /// <summary>Imports through any admin client, also of a host running as a child process.</summary>
    public static async Task ImportAsync(HttpClient admin, DateTimeOffset? assignedDate = null)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/inventory/import", Document(assignedDate?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Import failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static object Document(string? assignedDate)
    {
        var created = "2024-01-02T03:04:05Z";
        var assigned = assignedDate ?? created;
        object User(string id, string first, string last) => new
        {
            id, login = $"{first.ToLowerInvariant()}@example.com", email = $"{first.ToLowerInvariant()}@example.com",
            firstName = first, lastName = last, status = "ACTIVE", department = "Engineering", title = "Engineer",
            city = "Berlin", country = "DE", created, adminRoles = Array.Empty<string>(),
        };
        var target = new
        {
            id = Target, login = "tara@example.com", email = "tara@example.com", firstName = "Tara", lastName = "Target", status = "ACTIVE",
            department = "Finance", managerId = Admin, title = "Controller", city = "Hamburg", state = "HH", country = "DE", created,
            lastLogin = "2025-12-31T08:00:00Z", adminRoles = new[] { "APP_ADMIN" },
        };
        return new
        {
            users = new[]
            {
                target, User(ReviewerA, "Rita", "Reviewer"), User(ReviewerB, "Rob", "Reviewer"),
                User(ReviewerC, "Ruth", "Reviewer"), User(Outsider, "Otto", "Outsider"), User(Admin, "Ada", "Admin"),
                User(Target2, "Theo", "Target"), User(Target3, "Tina", "Target"),
            },
            applications = new[]
            {
                new { id = "0oagithub00000000001", name = "github", label = "GitHub", governanceLabels = new[] { "Crown Jewel" } },
                new { id = "0oaslack000000000001", name = "slack", label = "Slack", governanceLabels = Array.Empty<string>() },
                new { id = "0oaaws00000000000001", name = "aws", label = "AWS Console", governanceLabels = Array.Empty<string>() },
            },
            groups = new[] { new { id = "00gadmins00000000001", appId = "0oagithub00000000001", name = "GitHub Admins", description = "Org owners" } },
            entitlements = new[]
            {
                new
                {
                    id = "esprole0000000000001", appId = "0oaaws00000000000001", name = "Role", description = "IAM role",
                    values = new[] { new { id = "entadmin000000000001", name = "admin", description = "Administrator" }, new { id = "entread0000000000001", name = "read", description = "Read only" } },
                },
            },
            bundles = new[] { new { id = "enbops00000000000001", appId = "0oaaws00000000000001", name = "Ops bundle", description = "Ops access", entitlementValueIds = new[] { "entread0000000000001" } } },
            grants = new object[]
            {
                new { principalId = Target, appId = "0oagithub00000000001", assignmentType = "GROUP", assignedDate = assigned, groupIds = new[] { "00gadmins00000000001" }, entitlementValueIds = Array.Empty<string>(), bundleIds = Array.Empty<string>(), lastAccess = "2025-12-30T00:00:00Z", accessCount90Days = 40 },
                new { principalId = Target, appId = "0oaslack000000000001", assignmentType = "INDIVIDUAL", assignedDate = assigned, groupIds = Array.Empty<string>(), entitlementValueIds = Array.Empty<string>(), bundleIds = Array.Empty<string>(), accessCount90Days = 0 },
                new { principalId = Target, appId = "0oaaws00000000000001", assignmentType = "ACCESS_REQUEST", assignedDate = assigned, groupIds = Array.Empty<string>(), entitlementValueIds = new[] { "entadmin000000000001" }, bundleIds = new[] { "enbops00000000000001" }, lastAccess = "2025-06-01T00:00:00Z", accessCount90Days = 3 },
            },
        };
    }
}
