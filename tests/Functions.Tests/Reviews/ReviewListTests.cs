using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReadApi;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;
using A = AccessReviewFunctions.Functions.Tests.Infrastructure.TestInventory;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

/// <summary>
/// Five reviews created a minute apart: Alpha (Target; Rita, Rob), Beta GitHub (Target2; Rita, Ruth), gamma git
/// (Target3, whose gathering never finishes, so it stays PENDING; Rob), Delta (Target; Ruth, end time in a year)
/// and Epsilon (Target2; Rita), closed.
/// </summary>
public sealed class ReviewListFixture : IAsyncLifetime
{
    public ApiHost Host { get; } = new(
        new Dictionary<string, string?> { ["Reviews:MaxOpenReviewsPerPrincipal"] = "50" },
        services: s => s.Decorate<IInventoryStore>((inner, _) => new StalledGathering(inner, A.Target3)));

    public HttpClient Admin { get; private set; } = null!;

    public string Alpha { get; private set; } = "";
    public string Beta { get; private set; } = "";
    public string Gamma { get; private set; } = "";
    public string Delta { get; private set; } = "";
    public string Epsilon { get; private set; } = "";

    public IReadOnlyList<string> InCreationOrder => [Alpha, Beta, Gamma, Delta, Epsilon];

    public DateTimeOffset CreatedOf(string id) => created[id];

    private readonly Dictionary<string, DateTimeOffset> created = [];

    public async Task InitializeAsync()
    {
        await A.ImportAsync(Host);
        Admin = Host.AsAdmin();
        async Task<string> Create(string principal, string name, string[] reviewers, string? endTime = null)
        {
            Host.Clock.Advance(TimeSpan.FromMinutes(1));
            var review = await CreateAsync(Admin, Body(principal, reviewers, endTime, name));
            var id = review.GetProperty("id").GetString()!;
            created[id] = review.GetProperty("created").GetDateTimeOffset();
            return id;
        }

        Alpha = await Create(A.Target, "Alpha", [A.ReviewerA, A.ReviewerB]);
        Beta = await Create(A.Target2, "Beta GitHub", [A.ReviewerA, A.ReviewerC]);
        Gamma = await Create(A.Target3, "gamma git", [A.ReviewerB]);
        Delta = await Create(A.Target, "Delta", [A.ReviewerC], Host.Clock.GetUtcNow().AddDays(150).ToString("O"));
        Epsilon = await Create(A.Target2, "Epsilon", [A.ReviewerA]);
        foreach (var id in new[] { Alpha, Beta, Delta, Epsilon })
        {
            await WaitForStatusAsync(Admin, id, "ACTIVE");
        }

        var close = await Admin.PostAsJsonAsync($"{ReviewsApi.Admin}/{Epsilon}/actions", new { actionType = "CLOSE_REVIEW" });
        Assert.Equal(HttpStatusCode.Accepted, close.StatusCode);
    }

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Gathering the stalled principal's access waits until shutdown, so their review stays PENDING.</summary>
    private sealed class StalledGathering(IInventoryStore inner, string stalledPrincipal) : InventoryStoreDecorator(inner)
    {
        public override async Task<PrincipalAccess?> GetPrincipalAccessAsync(string principalId, CancellationToken cancellationToken)
        {
            if (principalId == stalledPrincipal)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return await base.GetPrincipalAccessAsync(principalId, cancellationToken);
        }
    }
}

public sealed class ReviewListTests(ReviewListFixture f) : IClassFixture<ReviewListFixture>
{
    private HttpClient AdminClient => f.Admin;

    private Task<List<string>> Filtered(string filter, HttpClient? client = null, string basePath = ReviewsApi.Admin) =>
        IdsAsync(client ?? AdminClient, $"{basePath}?filter={Q(filter)}");

    [Fact]
    public async Task List_NoParameters_AllInCreatedAscWithSelfLinkAndNoNext()
    {
        var (body, response) = await GetPageAsync(AdminClient, ReviewsApi.Admin);

        Assert.Equal(f.InCreationOrder, Ids(body));
        Assert.Null(Next(body));
        Assert.EndsWith(ReviewsApi.Admin, body.GetProperty("_links").GetProperty("self").GetProperty("href").GetString(), StringComparison.Ordinal);
        Assert.EndsWith(ReviewsApi.Admin, LinkHeader(response, "self"), StringComparison.Ordinal);
        Assert.Null(LinkHeader(response, "next"));
        Assert.Equal("Rita", body.GetProperty("data")[0].GetProperty("reviewerSettings").GetProperty("userSettings")
            .GetProperty("includedUserProfiles")[0].GetProperty("firstName").GetString());
    }

    [Fact]
    public async Task Filter_Name_EqIsExactCoIsCaseInsensitive()
    {
        Assert.Equal([f.Delta], await Filtered("name eq \"Delta\""));
        Assert.Empty(await Filtered("name eq \"delta\""));
        Assert.Equal([f.Beta, f.Gamma], await Filtered("name co \"GIT\""));
        Assert.Empty(await Filtered("name co \"zzz\""));
    }

    [Fact]
    public async Task Filter_Status_EqAndCo()
    {
        Assert.Equal([f.Epsilon], await Filtered("status eq \"CLOSED\""));
        Assert.Equal([f.Gamma], await Filtered("status eq \"PENDING\""));
        Assert.Empty(await Filtered("status eq \"ERROR\""));
        Assert.Equal([f.Alpha, f.Beta, f.Delta], await Filtered("status co \"act\""));
        Assert.Empty(await Filtered("status co \"XYZ\""));
    }

    [Fact]
    public async Task Filter_ReviewerName_AnyReviewerMatches()
    {
        Assert.Equal([f.Beta, f.Delta], await Filtered("reviewer.name eq \"Ruth Reviewer\""));
        Assert.Empty(await Filtered("reviewer.name eq \"Ruth\""));
        Assert.Equal([f.Alpha, f.Gamma], await Filtered("reviewer.name co \"rob\""));
        Assert.Empty(await Filtered("reviewer.name co \"Otto\""));
    }

    [Fact]
    public async Task Filter_Created_GtAndLt()
    {
        string At(string id) => f.CreatedOf(id).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal([f.Delta, f.Epsilon], await Filtered($"created gt \"{At(f.Gamma)}\""));
        Assert.Empty(await Filtered($"created gt \"{At(f.Epsilon)}\""));
        Assert.Equal([f.Alpha], await Filtered($"created lt \"{At(f.Beta)}\""));
        Assert.Empty(await Filtered($"created lt \"{At(f.Alpha)}\""));
    }

    [Fact]
    public async Task Filter_AndOrParentheses()
    {
        Assert.Equal([f.Alpha, f.Epsilon], await Filtered("(name eq \"Alpha\" or status eq \"CLOSED\") and reviewer.name co \"Rita\""));
        Assert.Equal([f.Alpha, f.Beta, f.Epsilon], await Filtered("name eq \"Alpha\" or status eq \"CLOSED\" or reviewer.name co \"Ruth\" and name co \"Beta\""));
        Assert.Empty(await Filtered("name co \"a\" and (status eq \"ERROR\" or name eq \"nothing\")"));
    }

    [Theory]
    [InlineData("created")]
    [InlineData("name")]
    [InlineData("endTime")]
    [InlineData("status")]
    [InlineData("id")]
    public async Task OrderBy_EachFieldBothDirections(string field)
    {
        var all = (await GetPageAsync(AdminClient, ReviewsApi.Admin)).Body.GetProperty("data").EnumerateArray().ToList();
        IComparable Key(JsonElement r) => field switch
        {
            "created" or "endTime" => r.GetProperty(field).GetDateTimeOffset(),
            "name" => r.GetProperty("name").GetString()!.ToUpperInvariant(),
            _ => r.GetProperty(field).GetString()!,
        };
        var asc = all.OrderBy(Key).ThenBy(r => r.GetProperty("id").GetString(), StringComparer.Ordinal).Select(r => r.GetProperty("id").GetString()!).ToList();
        var desc = Enumerable.Reverse(asc).ToList();

        Assert.Equal(asc, await IdsAsync(AdminClient, $"{ReviewsApi.Admin}?orderBy={Q(field + " asc")}"));
        Assert.Equal(desc, await IdsAsync(AdminClient, $"{ReviewsApi.Admin}?orderBy={Q(field + " desc")}"));
        Assert.Equal(asc, await IdsAsync(AdminClient, $"{ReviewsApi.Admin}?orderBy={field}"));
    }

    [Fact]
    public async Task OrderBy_NameAndEndTime_ExpectedOrders()
    {
        Assert.Equal(["Alpha", "Beta GitHub", "Delta", "Epsilon", "gamma git"], await NamesAsync(AdminClient, $"{ReviewsApi.Admin}?orderBy={Q("name asc")}"));
        var byEnd = (await GetPageAsync(AdminClient, $"{ReviewsApi.Admin}?orderBy={Q("endTime desc")}")).Body;
        Assert.True(f.Delta == Ids(byEnd)[0], byEnd.ToString());
        Assert.Equal([f.Gamma, f.Epsilon], (await IdsAsync(AdminClient, $"{ReviewsApi.Admin}?orderBy={Q("status desc")}"))[..2]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Paging_LimitTwo_FollowsNextThroughAllRows(bool viaHeader)
    {
        var (ids, pages) = await AllPagesAsync(AdminClient, $"{ReviewsApi.Admin}?limit=2&orderBy={Q("name desc")}&filter={Q("name co \"a\"")}", viaHeader);

        Assert.Equal([f.Gamma, f.Delta, f.Beta, f.Alpha], ids);
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task Paging_AfterRecordId_ContinuesAfterThatReview()
    {
        var ids = await IdsAsync(AdminClient, $"{ReviewsApi.Admin}?limit=2&orderBy={Q("name desc")}&filter={Q("name co \"a\"")}&after={f.Delta}");

        Assert.Equal([f.Beta, f.Alpha], ids);
    }

    [Fact]
    public async Task Paging_NextLinkKeepsFilterOrderAndLimit()
    {
        var (body, response) = await GetPageAsync(AdminClient, $"{ReviewsApi.Admin}?limit=1&orderBy={Q("id desc")}&filter={Q("status eq \"ACTIVE\"")}");
        var next = new Uri(Next(body)!);

        Assert.Contains("limit=1", next.Query, StringComparison.Ordinal);
        Assert.Contains("after=", next.Query, StringComparison.Ordinal);
        Assert.Contains(Q("id desc"), next.Query, StringComparison.Ordinal);
        Assert.Contains(Q("status eq \"ACTIVE\""), next.Query, StringComparison.Ordinal);
        Assert.Equal(Next(body), LinkHeader(response, "next"));
        Assert.Contains("limit=1", LinkHeader(response, "self"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limit_Bounds()
    {
        Assert.Single(await IdsAsync(AdminClient, $"{ReviewsApi.Admin}?limit=1"));
        Assert.Equal(5, (await IdsAsync(AdminClient, $"{ReviewsApi.Admin}?limit=200")).Count);
        foreach (var bad in new[] { "0", "201", "-1", "abc", "1.5" })
        {
            Assert.Contains(await BadRequestCausesAsync(AdminClient, $"{ReviewsApi.Admin}?limit={bad}"), c => c.StartsWith("limit:", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("filter", "bogus eq \"x\"")]
    [InlineData("filter", "status eq \"DONE\"")]
    [InlineData("filter", "name gt \"a\"")]
    [InlineData("filter", "created co \"2026\"")]
    [InlineData("filter", "created gt \"yesterday\"")]
    [InlineData("filter", "name eq \"a\" and")]
    [InlineData("filter", "(name eq \"a\"")]
    [InlineData("filter", "")]
    [InlineData("orderBy", "priority desc")]
    [InlineData("orderBy", "name sideways")]
    [InlineData("orderBy", "name desc, id asc")]
    [InlineData("after", "not-a-cursor")]
    public async Task BadParameter_400WithCause(string parameter, string value)
    {
        var causes = await BadRequestCausesAsync(AdminClient, $"{ReviewsApi.Admin}?{parameter}={Q(value)}");

        Assert.Contains(causes, c => c.StartsWith(parameter + ":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadParameters_OneCauseEach()
    {
        var causes = await BadRequestCausesAsync(AdminClient, $"{ReviewsApi.Admin}?filter={Q("x eq \"y\"")}&orderBy=nope&limit=0");

        Assert.Equal(3, causes.Count);
    }

    [Fact]
    public async Task After_FromAnotherOrder_400()
    {
        var next = Next((await GetPageAsync(AdminClient, $"{ReviewsApi.Admin}?limit=1")).Body)!;
        var after = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(next).Query)["after"].ToString();

        Assert.Contains("after: invalid cursor", await BadRequestCausesAsync(AdminClient, $"{ReviewsApi.Admin}?orderBy=name&after={after}"));
    }

    [Fact]
    public async Task MyList_OnlyReviewsOfTheCallerAndSameQueryLanguage()
    {
        var rita = f.Host.As(A.ReviewerA);

        Assert.Equal([f.Alpha, f.Beta, f.Epsilon], await IdsAsync(rita, My));
        Assert.Equal([f.Epsilon, f.Beta, f.Alpha], await IdsAsync(rita, $"{My}?orderBy={Q("created desc")}"));
        Assert.Equal([f.Beta], await Filtered("name co \"git\"", rita, My));
        Assert.Empty(await IdsAsync(f.Host.As(A.Outsider), My));
        Assert.Equal(HttpStatusCode.Forbidden, (await rita.GetAsync(ReviewsApi.Admin)).StatusCode);
    }

    [Fact]
    public async Task Stats_PerScope()
    {
        async Task<int[]> Stats(HttpClient client, string basePath)
        {
            var s = await GetAsync(client, $"{basePath}/stats");
            return [s.GetProperty("activeCount").GetInt32(), s.GetProperty("pendingCount").GetInt32(), s.GetProperty("errorCount").GetInt32(), s.GetProperty("closedCount").GetInt32()];
        }

        var (admin, rita, rob, otto) = (await Stats(AdminClient, ReviewsApi.Admin), await Stats(f.Host.As(A.ReviewerA), My), await Stats(f.Host.As(A.ReviewerB), My), await Stats(f.Host.As(A.Outsider), My));

        Assert.Equal([3, 1, 0, 1], admin);
        Assert.Equal([2, 0, 0, 1], rita);
        Assert.Equal([1, 1, 0, 0], rob);
        Assert.Equal([0, 0, 0, 0], otto);
    }

    [Fact]
    public async Task PendingReview_ItemReadsAreEmpty()
    {
        var rob = f.Host.As(A.ReviewerB);

        Assert.Empty(await IdsAsync(rob, $"{My}/{f.Gamma}/accesses"));
        Assert.Empty(await IdsAsync(AdminClient, $"{ReviewsApi.Admin}/{f.Gamma}/accesses/aimWhatever0000000000/sub-accesses"));
        Assert.Empty((await GetAsync(rob, $"{My}/{f.Gamma}/accesses/aimWhatever0000000000/anomalies")).GetProperty("data").EnumerateArray());
        Assert.StartsWith("This review covers no access items", (await (await rob.PostAsync($"{My}/{f.Gamma}/summary", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>Keyset paging while reviews are created between pages, and the default limit.</summary>
public sealed class ReviewListPagingTests : IAsyncLifetime
{
    private readonly ApiHost host = new(new Dictionary<string, string?> { ["Reviews:MaxOpenReviewsPerPrincipal"] = "100" });
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        await A.ImportAsync(host);
        admin = host.AsAdmin();
    }

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string> CreateNextAsync(int n)
    {
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        return (await CreateAsync(admin, Body(name: $"review {n:00}"))).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Paging_ReviewsCreatedBetweenPages_NoSkipNoRepeat()
    {
        var existing = new List<string>();
        for (var i = 0; i < 22; i++)
        {
            existing.Add(await CreateNextAsync(i));
        }

        var (first, _) = await GetPageAsync(admin, ReviewsApi.Admin);
        Assert.Equal(20, Ids(first).Count);
        Assert.Equal(existing[..20], Ids(first));

        var seen = new List<string>();
        var added = new List<string>();
        for (string? next = $"{ReviewsApi.Admin}?limit=5"; next is not null;)
        {
            var (page, _) = await GetPageAsync(admin, next);
            seen.AddRange(Ids(page));
            next = Next(page);
            if (added.Count < 6)
            {
                added.Add(await CreateNextAsync(100 + added.Count));
                added.Add(await CreateNextAsync(100 + added.Count));
            }
        }

        Assert.Equal(existing.Concat(added), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());

        var newestFirst = new List<string>();
        for (string? next = $"{ReviewsApi.Admin}?limit=7&orderBy={Q("created desc")}"; next is not null;)
        {
            var (page, _) = await GetPageAsync(admin, next);
            newestFirst.AddRange(Ids(page));
            next = Next(page);
            if (newestFirst.Count == 7)
            {
                await CreateNextAsync(200);
            }
        }

        Assert.Equal(Enumerable.Reverse(existing.Concat(added)), newestFirst);
    }
}
