using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace AccessReviewFunctions.DecisionBench;

/// <summary>The inventory and reviews of the bench: target i holds <c>apps</c> grants and is reviewed by reviewer i
/// alone, so each reviewer decides on its own review.</summary>
internal sealed class Scenario(int reviewers, int apps)
{
    public const string Admin = "00udecisionadmin0001";
    public const string AdminBase = "/governance/api/v2/security-access-reviews";
    public const string MyBase = "/governance/api/v2/my/security-access-reviews";
    private const string Created = "2024-01-02T03:04:05Z";

    public int Reviewers => reviewers;

    // twice as many applications as grants per target, so targets overlap and assignment counts vary
    private int AppCount => apps * 2;

    public static string Reviewer(int i) => $"00udecisionrev{i:D6}";

    public static string Target(int i) => $"00udecisiontgt{i:D6}";

    /// <summary>Imports the inventory, creates one review per target and waits until all are ACTIVE; returns their ids.</summary>
    public async Task<string[]> PrepareAsync(HttpClient admin)
    {
        (await admin.PostAsJsonAsync("/api/v1/inventory/import", Inventory())).EnsureSuccessStatusCode();
        var ids = await Task.WhenAll(Enumerable.Range(0, reviewers).Select(async i =>
        {
            var response = await admin.PostAsJsonAsync(AdminBase, new
            {
                principalId = Target(i),
                name = $"Decision bench {i}",
                reviewerSettings = new { type = "USER", userSettings = new { includedUserIds = new[] { Reviewer(i) } } },
                autoComplete = false,
            });
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"create review {i}: {(int)response.StatusCode} {body}");
            }

            return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        }));
        foreach (var id in ids)
        {
            while ((await admin.GetFromJsonAsync<JsonElement>($"{AdminBase}/{id}")).GetProperty("status").GetString() is var status
                && status != "ACTIVE")
            {
                if (status is "ERROR" or "CLOSED")
                {
                    throw new InvalidOperationException($"review {id} is {status}, not ACTIVE");
                }

                await Task.Delay(50);
            }
        }

        return ids;
    }

    private object Inventory()
    {
        object User(string id, string name) => new
        {
            id, login = $"{name}@decisions.example", email = $"{name}@decisions.example", firstName = name, lastName = "Bench", status = "ACTIVE", created = Created,
        };
        string App(int a) => $"0oadecision{a:D9}";
        bool HasGroup(int a) => a % 4 == 0;
        bool HasEntitlement(int a) => a % 4 == 1;
        var random = new Random(7);
        return new
        {
            users = Enumerable.Range(0, reviewers).SelectMany(i => new[] { User(Reviewer(i), $"reviewer{i}"), User(Target(i), $"target{i}") })
                .Append(User(Admin, "admin")),
            applications = Enumerable.Range(0, AppCount).Select(a => new { id = App(a), name = $"app{a}", label = $"App {a}" }),
            groups = Enumerable.Range(0, AppCount).Where(HasGroup).Select(a => new { id = $"00gdecision{a:D9}", appId = App(a), name = $"Group {a}" }),
            entitlements = Enumerable.Range(0, AppCount).Where(HasEntitlement).Select(a => new
            {
                id = $"espdecision{a:D9}", appId = App(a), name = "Role",
                values = new[] { new { id = $"entdecision{a:D9}", name = "admin", description = "Administrator" } },
            }),
            grants = Enumerable.Range(0, reviewers).SelectMany(t => Enumerable.Range(0, apps).Select(k => (t + (k * 2)) % AppCount)
                .Select(a => new
                {
                    principalId = Target(t),
                    appId = App(a),
                    assignmentType = (a % 3) switch { 0 => "INDIVIDUAL", 1 => "GROUP", _ => "ACCESS_REQUEST" },
                    assignedDate = Created,
                    groupIds = HasGroup(a) ? new[] { $"00gdecision{a:D9}" } : [],
                    entitlementValueIds = HasEntitlement(a) ? new[] { $"entdecision{a:D9}" } : [],
                    lastAccess = a % 5 == 0 ? null : DateTimeOffset.UtcNow.AddDays(-random.Next(1, 200)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    accessCount90Days = random.Next(0, 50),
                })),
        };
    }
}
