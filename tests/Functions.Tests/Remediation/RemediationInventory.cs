using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Remediation;

/// <summary>A target holding many apps, each with one group granted, reviewed by Rita; imported through the API.</summary>
internal static class RemediationInventory
{
    public static string App(int i) => string.Create(CultureInfo.InvariantCulture, $"0oarem{i:D14}");

    public static string Group(int i) => string.Create(CultureInfo.InvariantCulture, $"00grem{i:D14}");

    public static async Task ImportAsync(HttpClient admin, int apps)
    {
        var created = "2024-01-02T03:04:05Z";
        object User(string id, string first) => new
        {
            id, login = $"{first.ToLowerInvariant()}@example.com", email = $"{first.ToLowerInvariant()}@example.com", firstName = first, lastName = "Test",
            status = "ACTIVE", created, adminRoles = Array.Empty<string>(),
        };
        var range = Enumerable.Range(0, apps).ToList();
        var document = new
        {
            users = new[] { User(TestInventory.Target, "Tara"), User(TestInventory.ReviewerA, "Rita"), User(TestInventory.Admin, "Ada") },
            applications = range.Select(i => new { id = App(i), name = $"app{i}", label = $"App {i:D4}", governanceLabels = Array.Empty<string>() }).ToArray(),
            groups = range.Select(i => new { id = Group(i), appId = App(i), name = $"Group {i:D4}", description = "A group" }).ToArray(),
            grants = range.Select(i => new
            {
                principalId = TestInventory.Target, appId = App(i), assignmentType = "INDIVIDUAL", assignedDate = created, groupIds = new[] { Group(i) },
                entitlementValueIds = Array.Empty<string>(), bundleIds = Array.Empty<string>(), accessCount90Days = 1,
            }).ToArray(),
        };
        var response = await admin.PostAsJsonAsync("/api/v1/inventory/import", document);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>An ACTIVE review of the target's apps (see <see cref="RemediationInventory"/>), reviewed by Rita, with optional settings.</summary>
internal static class RemediationScenario
{
    public static async Task<(HttpClient Admin, string Id)> ActiveReviewAsync(ApiHost host, int apps, object? settings = null)
    {
        var admin = host.AsAdmin();
        await RemediationInventory.ImportAsync(admin, apps);
        var body = JsonSerializer.SerializeToElement(Body(reviewers: [TestInventory.ReviewerA])).EnumerateObject()
            .Concat(settings is null ? [] : JsonSerializer.SerializeToElement(settings).EnumerateObject())
            .ToDictionary(p => p.Name, p => p.Value);
        var id = (await CreateAsync(admin, body)).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE", TimeSpan.FromMinutes(1));
        return (admin, id);
    }
}
