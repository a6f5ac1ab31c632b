using System.Globalization;

namespace AccessReviewFunctions.Faults;

/// <summary>The harness's inventory: principals each holding every one of a few apps, and reviewers; ids of 20 characters.</summary>
internal static class FaultInventory
{
    public const int Principals = 50;
    public const int Reviewers = 10;
    public const int Apps = 2;
    public const string AdminBase = "/governance/api/v2/security-access-reviews";
    public const string MyBase = "/governance/api/v2/my/security-access-reviews";

    public static string Principal(int i) => Id("00ufaultp", i % Principals);

    public static string Reviewer(int i) => Id("00ufaultr", i % Reviewers);

    public static string App(int i) => string.Create(CultureInfo.InvariantCulture, $"0oafault{i:D12}");

    public static async Task ImportAsync(Api api)
    {
        const string Created = "2024-01-02T03:04:05Z";
        object User(string id, string name) => new { id, login = $"{name}@faults.example", email = $"{name}@faults.example", firstName = name, lastName = "Fault", status = "ACTIVE", created = Created };
        var document = new
        {
            users = Enumerable.Range(0, Principals).Select(i => User(Principal(i), $"principal{i}"))
                .Concat(Enumerable.Range(0, Reviewers).Select(i => User(Reviewer(i), $"reviewer{i}")))
                .Append(User(Api.Admin, "admin")),
            applications = Enumerable.Range(0, Apps).Select(a => new { id = App(a), name = $"app{a}", label = $"App {a}" }),
            grants = Enumerable.Range(0, Principals).SelectMany(p => Enumerable.Range(0, Apps).Select(a => new
            {
                principalId = Principal(p), appId = App(a), assignmentType = "INDIVIDUAL", assignedDate = Created, groupIds = Array.Empty<string>(),
                entitlementValueIds = Array.Empty<string>(), bundleIds = Array.Empty<string>(), accessCount90Days = 1,
            })),
        };
        var reply = await api.SendAsync(HttpMethod.Post, "/api/v1/inventory/import", Api.Admin, document);
        if (!reply.Ok)
        {
            throw new InvalidOperationException($"inventory import: {reply}");
        }
    }

    /// <summary>A review of <paramref name="principal"/> by <paramref name="reviewers"/> ending <paramref name="lead"/> from now.</summary>
    public static object Review(string principal, IEnumerable<string> reviewers, TimeSpan lead, string name) => new
    {
        principalId = principal, name, endTime = DateTimeOffset.UtcNow.Add(lead).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        expirationBehavior = "AUTO_REJECT_INCOMPLETE", expirationNote = "fault harness",
        reviewerSettings = new { type = "USER", userSettings = new { includedUserIds = reviewers.ToArray() } },
    };

    private static string Id(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D11}");
}
