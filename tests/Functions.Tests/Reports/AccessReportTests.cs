using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using static AccessReviewFunctions.Functions.Tests.Reports.OpaApi;

namespace AccessReviewFunctions.Functions.Tests.Reports;

public sealed class AccessReportTests
{
    [Fact]
    public async Task Create_UserReport_Returns201CreatedThenCompletesWithTheUsersAccess()
    {
        using var host = new ApiHost();
        await ImportAsync(host);
        var opa = SecurityAdmin(host);

        var response = await opa.PostAsJsonAsync(ReportsPath, new { user_id = TestInventory.Target, resource_type_filter = "server" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal($"{ReportsPath}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("CREATED", "user", TestInventory.Target, "server"), (
            created.GetProperty("status").GetString(), created.GetProperty("report_type").GetString(),
            created.GetProperty("user_id").GetString(), created.GetProperty("resource_type_filter").GetString()));
        Assert.Equal(host.Clock.GetUtcNow(), created.GetProperty("created_at").GetDateTimeOffset());
        var done = await WaitForStatusAsync(opa, id, "COMPLETED");
        Assert.Equal((3, 3), (done.GetProperty("rows_written").GetInt64(), done.GetProperty("total_rows").GetInt64()));
        Assert.Equal(host.Clock.GetUtcNow().AddDays(30), done.GetProperty("expires_at").GetDateTimeOffset());
        Assert.Equal(TargetReport, await DownloadAsync(opa, id));
    }

    [Fact]
    public async Task Download_ResourceReport_PutsTheResourceColumnsFirst()
    {
        using var host = new ApiHost();
        await ImportAsync(host);
        var opa = SecurityAdmin(host);

        var report = await GenerateAsync(opa, new { resource_id = Web, resource_type = "server" });

        Assert.Equal(("resource", Web, "server"), (
            report.GetProperty("report_type").GetString(), report.GetProperty("resource_id").GetString(), report.GetProperty("resource_type").GetString()));
        Assert.Equal(
            Lines(
                "Resource Name,Resource Type,User Name,User Type,User Status,Account,Privileges,Conditions",
                "web-01.example.com,server,rita@example.com,human,ACTIVE,rita,user,",
                $"web-01.example.com,server,{Tara},root,user,Approval",
                $"web-01.example.com,server,{Tara},tara,admin,via an Okta Gateway with Session Recording; MFA"),
            await DownloadAsync(opa, report.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task Download_GroupReport_ListsEveryMembersAccess()
    {
        using var host = new ApiHost(new Dictionary<string, string?> { ["Reports:PartRows"] = "2", ["Reports:PageRows"] = "1" });
        await ImportAsync(host);
        var opa = SecurityAdmin(host);

        var report = await GenerateAsync(opa, new { group_id = AdminsGroup });

        Assert.Equal(("group", AdminsGroup, 3L), (report.GetProperty("report_type").GetString(), report.GetProperty("group_id").GetString(), report.GetProperty("total_rows").GetInt64()));
        Assert.Equal(TargetReport, await DownloadAsync(opa, report.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task Download_CellsStartingWithFormulaCharacters_AreNeutralised()
    {
        using var host = new ApiHost();
        await ImportAsync(host);
        var opa = SecurityAdmin(host);

        var report = await GenerateAsync(opa, new { user_id = TestInventory.ReviewerB });

        const string Rob = "rob@example.com,human,ACTIVE";
        Assert.Equal(
            Lines(
                UserHeader,
                $"{Rob},\"'=HYPERLINK(\"\"http://x\"\")\",server,rob,user,",
                $"{Rob},\"'+1\",server,rob,user,",
                $"{Rob},\"'-1\",server,rob,user,",
                $"{Rob},\"'@SUM(A1)\",server,rob,user,"),
            await DownloadAsync(opa, report.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task Create_UserWithoutAccess_CompletesButEmptyWithTheHeaderOnly()
    {
        using var host = new ApiHost();
        await ImportAsync(host);
        var opa = SecurityAdmin(host);

        var report = await GenerateAsync(opa, new { user_id = TestInventory.Outsider }, "COMPLETED_BUT_EMPTY");

        Assert.Equal((0, 0), (report.GetProperty("rows_written").GetInt64(), report.GetProperty("total_rows").GetInt64()));
        Assert.Equal(Lines(UserHeader), await DownloadAsync(opa, report.GetProperty("id").GetString()!));
    }

    [Theory]
    [InlineData("{\"user_id\":\"00unobody00000000001\"}", "user_id: unknown user 00unobody00000000001")]
    [InlineData("{\"resource_id\":\"srv99999999999999999\",\"resource_type\":\"server\"}", "resource_id: unknown resource srv99999999999999999")]
    [InlineData("{\"group_id\":\"00gnothere0000000001\"}", "group_id: unknown group 00gnothere0000000001")]
    [InlineData("{\"user_id\":\"00utarget00000000001\",\"resource_type_filter\":\"database\"}", "resource_type_filter: unsupported resource type database; supported: server")]
    [InlineData("{\"resource_id\":\"srv00000000000000001\"}", "resource_type: unsupported resource type (none); supported: server")]
    [InlineData("{}", "body: exactly one of user_id, resource_id or group_id is required")]
    [InlineData("{\"user_id\":", "body: Malformed JSON")]
    public async Task Create_UnknownIdOrBadType_Returns400WithTheCause(string body, string cause)
    {
        using var host = new ApiHost();
        await ImportAsync(host);

        var response = await SecurityAdmin(host).PostAsync(ReportsPath, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_request", error.GetProperty("type").GetString());
        Assert.StartsWith(cause, error.GetProperty("details")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_SeveralReports_NewestFirstInPagesWithANextLink()
    {
        using var host = new ApiHost();
        await ImportAsync(host);
        var opa = SecurityAdmin(host);
        var ids = new List<string>();
        foreach (var user in new[] { TestInventory.Target, TestInventory.ReviewerA, TestInventory.ReviewerB })
        {
            ids.Add((await CreateAsync(opa, new { user_id = user })).GetProperty("id").GetString()!);
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await opa.GetAsync($"{ReportsPath}?count=2");
        var page = await first.Content.ReadFromJsonAsync<JsonElement>();
        var next = Assert.Single(first.Headers.GetValues("Link"));
        var second = await (await opa.GetAsync(next[1..next.IndexOf('>', StringComparison.Ordinal)])).Content.ReadFromJsonAsync<JsonElement>();

        static IEnumerable<string> Ids(JsonElement list) => list.GetProperty("list").EnumerateArray().Select(r => r.GetProperty("id").GetString()!);
        Assert.Equal([ids[2], ids[1]], Ids(page));
        Assert.EndsWith("rel=\"next\"", next, StringComparison.Ordinal);
        Assert.Equal([ids[0]], Ids(second));
    }

    [Fact]
    public async Task Download_NotCompleted_Returns409AndUnknownId404()
    {
        using var host = new ApiHost(new Dictionary<string, string?> { ["Runtime:Listeners"] = "false" });
        await ImportAsync(host);
        var opa = SecurityAdmin(host);
        var id = (await CreateAsync(opa, new { user_id = TestInventory.Target })).GetProperty("id").GetString()!;

        var pending = await opa.GetAsync($"{ReportsPath}/{id}/download");
        var unknown = await opa.GetAsync($"{ReportsPath}/rpt0000000000000000x/download");

        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
        var error = await pending.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("conflict", $"Report {id} is CREATED: its file can be downloaded once it is COMPLETED or COMPLETED_BUT_EMPTY"), (
            error.GetProperty("type").GetString(), error.GetProperty("message").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("CREATED", (await GetAsync(opa, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_ReportOfAnotherTeam_Returns404()
    {
        using var host = new ApiHost();
        await ImportAsync(host);
        var id = (await CreateAsync(SecurityAdmin(host), new { user_id = TestInventory.Target })).GetProperty("id").GetString()!;
        var other = SecurityAdmin(host, team: "globex");

        var sameRoute = await other.GetAsync($"{ReportsPath}/{id}");
        var ownTeam = await other.GetAsync($"/v1/teams/globex/access_reports/{id}");
        var ownList = await (await other.GetAsync("/v1/teams/globex/access_reports")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (sameRoute.StatusCode, ownTeam.StatusCode));
        Assert.Equal(0, ownList.GetProperty("list").GetArrayLength());
    }

    [Fact]
    public async Task Create_WithoutSecurityAdminRole_Returns403()
    {
        using var host = new ApiHost();
        await ImportAsync(host);

        var response = await SecurityAdmin(host, role: "REVIEWER").PostAsJsonAsync(ReportsPath, new { user_id = TestInventory.Target });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
