using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReadApi;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;
using A = AccessReviewFunctions.Functions.Tests.Infrastructure.TestInventory;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

/// <summary>
/// Tara's access reviewed twice: the first review expires and every undecided item is revoked automatically; the
/// second (ACTIVE) then sees those revocations as past governance decisions (MEDIUM). Its items: AWS Console and
/// Slack are HIGH (unused for 90 days), GitHub MEDIUM.
/// </summary>
public sealed class AccessReadFixture : IAsyncLifetime
{
    public ApiHost Host { get; } = new(new Dictionary<string, string?>
    {
        ["Reviews:ExpirationBehavior"] = "AUTO_REJECT_INCOMPLETE",
        ["Reviews:ExpirationNote"] = "Expired without a decision",
    });

    public HttpClient Admin { get; private set; } = null!;

    public string Expired { get; private set; } = "";

    public string Active { get; private set; } = "";

    public Dictionary<string, string> ItemIds { get; } = [];

    public async Task InitializeAsync()
    {
        await A.ImportAsync(Host);
        Admin = Host.AsAdmin();
        Expired = (await CreateAsync(Admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(Admin, Expired, "ACTIVE");
        Host.Clock.Advance(TimeSpan.FromDays(8));
        await WaitForStatusAsync(Admin, Expired, "CLOSED");
        await Host.Services.QuietAsync(); // the close's work is done: its decisions are in the log the next review reads

        Active = (await CreateAsync(Admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(Admin, Active, "ACTIVE");
        foreach (var item in (await GetAsync(Admin, $"{ReviewsApi.Admin}/{Active}/accesses")).GetProperty("data").EnumerateArray())
        {
            ItemIds[item.GetProperty("name").GetString()!] = item.GetProperty("id").GetString()!;
        }
    }

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class AccessItemReadTests(AccessReadFixture f) : IClassFixture<AccessReadFixture>
{
    private string Accesses => $"{ReviewsApi.Admin}/{f.Active}/accesses";

    private string Subs(string app) => $"{Accesses}/{f.ItemIds[app]}/sub-accesses";

    private Task<List<string>> Items(string query) => NamesAsync(f.Admin, $"{Accesses}?{query}");

    private Task<List<string>> Filtered(string filter) => Items($"filter={Q(filter)}");

    private Task<List<string>> SubFiltered(string app, string filter) => NamesAsync(f.Admin, $"{Subs(app)}?filter={Q(filter)}");

    [Fact]
    public async Task Accesses_SeedShape()
    {
        var items = (await GetAsync(f.Admin, Accesses)).GetProperty("data").EnumerateArray().ToList();
        var aws = items.Single(i => i.GetProperty("name").GetString() == "AWS Console");
        var app = aws.GetProperty("appInfo");

        Assert.Equal("APPLICATION", aws.GetProperty("type").GetString());
        Assert.Equal("HIGH", aws.GetProperty("severity").GetString());
        Assert.Equal("HIGH", aws.GetProperty("priority").GetString());
        Assert.Equal(["REVOKE_ACCESS", "FLAG_FOR_MANUAL_REMEDIATION"], aws.GetProperty("supportedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("0oaaws00000000000001", aws.GetProperty("resourceId").GetString());
        Assert.Equal("0oaaws00000000000001", app.GetProperty("id").GetString());
        Assert.Equal("http://localhost/assets/img/logos/default.png", app.GetProperty("logoUrl").GetString());
        Assert.Equal("aws", app.GetProperty("name").GetString());
        Assert.Equal("AWS Console", app.GetProperty("label").GetString());
        Assert.Equal("2024-01-02T03:04:05Z", app.GetProperty("assignedDate").GetString());
        Assert.Equal("ACCESS_REQUEST", app.GetProperty("assignmentType").GetString());
        Assert.Equal(3, app.GetProperty("applicationUsage").GetInt32());
        Assert.Equal("IAM role", app.GetProperty("activeEntitlements")[0].GetProperty("description").GetString());
        Assert.Equal(["ENTITLEMENT_BUNDLE", "ENTITLEMENT_VALUE"], aws.GetProperty("subAccessTypes").EnumerateArray().Select(a => a.GetString()));
        Assert.False(aws.TryGetProperty("decision", out _));
        var label = Assert.Single(items.Single(i => i.GetProperty("name").GetString() == "GitHub").GetProperty("appInfo").GetProperty("governanceLabels").EnumerateArray());
        Assert.Equal("Crown Jewel", label.GetProperty("value").GetString());
        Assert.Matches("^#[0-9a-f]{6}$", label.GetProperty("color").GetString());
    }

    [Fact]
    public async Task Accesses_DecidedItems_CarryDecisionFields()
    {
        var items = (await GetAsync(f.Admin, $"{ReviewsApi.Admin}/{f.Expired}/accesses")).GetProperty("data").EnumerateArray().ToList();

        Assert.Equal(3, items.Count);
        Assert.All(items, i =>
        {
            Assert.Equal("REVOKE_ACCESS", i.GetProperty("decision").GetString());
            Assert.False(string.IsNullOrEmpty(i.GetProperty("decidedBy").GetString()));
            Assert.Equal(f.Host.Clock.GetUtcNow().Date, i.GetProperty("decidedAt").GetDateTimeOffset().Date);
            Assert.True(i.GetProperty("automatic").GetBoolean());
            Assert.Equal("Expired without a decision", i.GetProperty("note").GetString());
            Assert.Equal(["RESTORE_ACCESS", "FLAG_FOR_MANUAL_RESTORATION"], i.GetProperty("supportedActions").EnumerateArray().Select(a => a.GetString()));
        });
    }

    [Fact]
    public async Task Accesses_DefaultOrderPriorityDesc()
    {
        var names = await Items("");

        Assert.Equal("GitHub", names[2]);
        Assert.Equal(["AWS Console", "Slack"], names[..2].Order());
        Assert.Equal(names, await Items($"orderBy={Q("priority desc")}"));
        Assert.Equal(Enumerable.Reverse(names), await Items($"orderBy={Q("priority asc")}"));
    }

    [Theory]
    [InlineData("lastAccess", "Slack,AWS Console,GitHub")]
    [InlineData("accessFrequency", "Slack,AWS Console,GitHub")]
    public async Task Accesses_OrderBy_BothDirections(string field, string ascending)
    {
        var asc = ascending.Split(',');

        Assert.Equal(asc, await Items($"orderBy={Q(field + " asc")}"));
        Assert.Equal(asc.Reverse(), await Items($"orderBy={Q(field + " desc")}"));
    }

    [Theory]
    [InlineData("name eq \"Slack\"", "Slack")]
    [InlineData("name eq \"slack\"", "")]
    [InlineData("name co \"HUB\"", "GitHub")]
    [InlineData("name co \"zzz\"", "")]
    [InlineData("priority eq \"HIGH\"", "AWS Console,Slack")]
    [InlineData("priority eq \"MEDIUM\"", "GitHub")]
    [InlineData("priority eq \"LOW\"", "")]
    [InlineData("usageHistorySeverity eq \"HIGH\"", "AWS Console,Slack")]
    [InlineData("usageHistorySeverity eq \"MEDIUM\"", "")]
    [InlineData("assignmentMethodSeverity eq \"LOW\"", "AWS Console,GitHub,Slack")]
    [InlineData("assignmentMethodSeverity eq \"HIGH\"", "")]
    [InlineData("pastGovernanceDecisionsSeverity eq \"MEDIUM\"", "AWS Console,GitHub,Slack")]
    [InlineData("pastGovernanceDecisionsSeverity eq \"LOW\"", "")]
    [InlineData("sodConflictSeverity eq \"HIGH\"", "")]
    [InlineData("governanceLabel eq \"Crown Jewel\"", "GitHub")]
    [InlineData("governanceLabel eq \"crown jewel\"", "")]
    [InlineData("governanceLabel co \"jewel\"", "GitHub")]
    [InlineData("governanceLabel co \"PII\"", "")]
    [InlineData("priority eq \"HIGH\" and name co \"lack\"", "Slack")]
    [InlineData("(name eq \"Slack\" or name eq \"GitHub\") and priority eq \"HIGH\"", "Slack")]
    [InlineData("name eq \"Slack\" or name eq \"GitHub\" and priority eq \"HIGH\"", "Slack")]
    [InlineData("governanceLabel co \"jewel\" or usageHistorySeverity eq \"HIGH\"", "AWS Console,GitHub,Slack")]
    public async Task Accesses_Filter(string filter, string expected)
    {
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), (await Filtered(filter)).Order());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Accesses_PagingThroughAll(bool viaHeader)
    {
        var (ids, pages) = await AllPagesAsync(f.Admin, $"{Accesses}?limit=1&orderBy={Q("lastAccess desc")}", viaHeader);

        Assert.Equal([f.ItemIds["GitHub"], f.ItemIds["AWS Console"], f.ItemIds["Slack"]], ids);
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData("filter", "priority eq \"CRITICAL\"")]
    [InlineData("filter", "status eq \"ACTIVE\"")]
    [InlineData("filter", "priority gt \"LOW\"")]
    [InlineData("orderBy", "name asc")]
    [InlineData("orderBy", "priority upward")]
    [InlineData("limit", "0")]
    [InlineData("limit", "201")]
    [InlineData("after", "garbage!")]
    public async Task Accesses_BadParameter_400(string parameter, string value)
    {
        Assert.Contains(await BadRequestCausesAsync(f.Admin, $"{Accesses}?{parameter}={Q(value)}"), c => c.StartsWith(parameter + ":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubAccesses_SeedShape()
    {
        var subs = (await GetAsync(f.Admin, Subs("AWS Console"))).GetProperty("data").EnumerateArray().ToList();
        var value = subs.Single(s => s.GetProperty("name").GetString() == "Role: admin");
        var bundle = subs.Single(s => s.GetProperty("name").GetString() == "Ops bundle");
        var group = (await GetAsync(f.Admin, Subs("GitHub"))).GetProperty("data")[0];

        Assert.Equal("ENTITLEMENT_VALUE", value.GetProperty("type").GetString());
        Assert.Equal("HIGH", value.GetProperty("severity").GetString());
        Assert.Equal(["REVOKE_ACCESS", "FLAG_FOR_MANUAL_REMEDIATION"], value.GetProperty("supportedActions").EnumerateArray().Select(a => a.GetString()));
        var info = value.GetProperty("entitlementInfo");
        Assert.Equal("ENTITLEMENT_VALUE", info.GetProperty("type").GetString());
        Assert.Equal("Administrator", info.GetProperty("description").GetString());
        Assert.Equal("IAM role", info.GetProperty("entitlementDescription").GetString());
        Assert.Equal("ACCESS_REQUEST", info.GetProperty("assignmentType").GetString());
        Assert.Empty(info.GetProperty("collectionsAssigning").EnumerateArray());
        Assert.Empty(info.GetProperty("governanceLabels").EnumerateArray());
        Assert.Equal("ENTITLEMENT_BUNDLE", bundle.GetProperty("type").GetString());
        Assert.Equal("ENTITLEMENT_BUNDLE", bundle.GetProperty("entitlementInfo").GetProperty("type").GetString());
        Assert.Equal("esprole0000000000001", bundle.GetProperty("entitlementInfo").GetProperty("entitlements")[0].GetProperty("id").GetString());
        Assert.Equal("GROUP", group.GetProperty("type").GetString());
        Assert.Equal("GitHub Admins", group.GetProperty("name").GetString());
        Assert.Equal("00gadmins00000000001", group.GetProperty("resourceId").GetString());
        Assert.Equal("Crown Jewel", Assert.Single(group.GetProperty("groupInfo").GetProperty("governanceLabels").EnumerateArray()).GetProperty("value").GetString());
        Assert.False(group.TryGetProperty("entitlementInfo", out _));
    }

    [Fact]
    public async Task SubAccesses_DecidedOnExpiredReview_CarryDecision()
    {
        var githubOfExpired = (await GetAsync(f.Admin, $"{ReviewsApi.Admin}/{f.Expired}/accesses?filter={Q("name eq \"GitHub\"")}")).GetProperty("data")[0].GetProperty("id").GetString();
        var group = (await GetAsync(f.Admin, $"{ReviewsApi.Admin}/{f.Expired}/accesses/{githubOfExpired}/sub-accesses")).GetProperty("data")[0];

        Assert.Equal("REVOKE_ACCESS", group.GetProperty("decision").GetString());
        Assert.True(group.TryGetProperty("decidedAt", out _));
    }

    [Theory]
    [InlineData("AWS Console", "resourceType eq \"ENTITLEMENT_VALUE\"", "Role: admin")]
    [InlineData("AWS Console", "resourceType eq \"ENTITLEMENT_BUNDLE\"", "Ops bundle")]
    [InlineData("AWS Console", "resourceType eq \"GROUP\"", "")]
    [InlineData("GitHub", "resourceType eq \"GROUP\"", "GitHub Admins")]
    [InlineData("AWS Console", "name eq \"Ops bundle\"", "Ops bundle")]
    [InlineData("AWS Console", "name eq \"ops bundle\"", "")]
    [InlineData("AWS Console", "name co \"ADMIN\"", "Role: admin")]
    [InlineData("AWS Console", "name co \"zzz\"", "")]
    [InlineData("AWS Console", "priority eq \"HIGH\"", "Ops bundle,Role: admin")]
    [InlineData("AWS Console", "priority eq \"LOW\"", "")]
    [InlineData("AWS Console", "usageHistorySeverity eq \"HIGH\"", "Ops bundle,Role: admin")]
    [InlineData("AWS Console", "usageHistorySeverity eq \"LOW\"", "")]
    [InlineData("AWS Console", "assignmentMethodSeverity eq \"LOW\"", "Ops bundle,Role: admin")]
    [InlineData("AWS Console", "assignmentMethodSeverity eq \"MEDIUM\"", "")]
    [InlineData("GitHub", "pastGovernanceDecisionsSeverity eq \"MEDIUM\"", "GitHub Admins")]
    [InlineData("GitHub", "pastGovernanceDecisionsSeverity eq \"HIGH\"", "")]
    [InlineData("GitHub", "sodConflictSeverity eq \"LOW\"", "")]
    [InlineData("GitHub", "governanceLabel eq \"Crown Jewel\"", "GitHub Admins")]
    [InlineData("GitHub", "governanceLabel co \"JEWEL\"", "GitHub Admins")]
    [InlineData("AWS Console", "governanceLabel co \"jewel\"", "")]
    [InlineData("AWS Console", "(name co \"ops\" or name co \"role\") and resourceType eq \"ENTITLEMENT_VALUE\"", "Role: admin")]
    [InlineData("AWS Console", "name co \"ops\" and resourceType eq \"GROUP\"", "")]
    public async Task SubAccesses_Filter(string app, string filter, string expected)
    {
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), (await SubFiltered(app, filter)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SubAccesses_OrderByPriorityBothDirectionsAndPaging()
    {
        var desc = await IdsAsync(f.Admin, Subs("AWS Console"));
        var asc = await IdsAsync(f.Admin, $"{Subs("AWS Console")}?orderBy={Q("priority asc")}");
        var (paged, pages) = await AllPagesAsync(f.Admin, $"{Subs("AWS Console")}?limit=1");

        Assert.Equal(2, desc.Count);
        Assert.Equal(desc, await IdsAsync(f.Admin, $"{Subs("AWS Console")}?orderBy={Q("priority desc")}"));
        Assert.Equal(Enumerable.Reverse(desc), asc);
        Assert.Equal(desc, paged);
        Assert.Equal(2, pages);
    }

    [Theory]
    [InlineData("orderBy", "name asc")]
    [InlineData("orderBy", "lastAccess desc")]
    [InlineData("filter", "resourceType eq \"APP\"")]
    [InlineData("filter", "governanceLabel gt \"x\"")]
    [InlineData("limit", "999")]
    [InlineData("after", "AAAA")]
    public async Task SubAccesses_BadParameter_400(string parameter, string value)
    {
        Assert.Contains(await BadRequestCausesAsync(f.Admin, $"{Subs("AWS Console")}?{parameter}={Q(value)}"), c => c.StartsWith(parameter + ":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubAccesses_UnknownAccessItem_404()
    {
        var response = await f.Admin.GetAsync($"{Accesses}/aimunknown0000000000/sub-accesses");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("E0000007", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Anomalies_ForAccessItemAndSubItem()
    {
        var item = (await GetAsync(f.Admin, $"{Accesses}/{f.ItemIds["AWS Console"]}/anomalies")).GetProperty("data").EnumerateArray().ToList();
        var subId = (await IdsAsync(f.Admin, $"{Subs("GitHub")}"))[0];
        var sub = (await GetAsync(f.Admin, $"{Accesses}/{subId}/anomalies")).GetProperty("data").EnumerateArray().ToList();

        Assert.Equal(["USAGE_HISTORY", "ASSIGNMENT_METHOD", "PAST_GOVERNANCE_DECISIONS"], item.Select(a => a.GetProperty("type").GetString()));
        Assert.Equal("HIGH", item[0].GetProperty("severity").GetString());
        Assert.Equal("The user has not accessed this application in the last 90 days.", item[0].GetProperty("subtext").GetProperty("message").GetString());
        var assignment = item[1].GetProperty("subtext");
        Assert.Contains("{0}%", assignment.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("100", assignment.GetProperty("args")[0].GetProperty("value").GetString());
        Assert.Equal("NUMBER", assignment.GetProperty("args")[0].GetProperty("type").GetString());
        Assert.Equal("MEDIUM", item[2].GetProperty("severity").GetString());
        Assert.Contains(sub, a => a.GetProperty("type").GetString() == "PAST_GOVERNANCE_DECISIONS" && a.GetProperty("severity").GetString() == "MEDIUM");
        Assert.Equal(HttpStatusCode.NotFound, (await f.Admin.GetAsync($"{Accesses}/aimunknown0000000000/anomalies")).StatusCode);
    }

    [Fact]
    public async Task Summaries_ReviewItemAndSubItem()
    {
        async Task<string> Summary(string path) =>
            (await (await f.Admin.PostAsync(path, null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString()!;
        var subId = (await IdsAsync(f.Admin, $"{Subs("GitHub")}"))[0];

        var review = await Summary($"{ReviewsApi.Admin}/{f.Active}/summary");
        var item = await Summary($"{Accesses}/{f.ItemIds["Slack"]}/summary");
        var sub = await Summary($"{Accesses}/{subId}/summary");

        Assert.StartsWith("This review covers 3 access items: 2 high, 1 medium, 0 low priority.\nHighest priority items:\n1. AWS Console (HIGH): Usage history\n2. Slack (HIGH): Usage history\n3. GitHub (MEDIUM): Past governance decisions\n", review, StringComparison.Ordinal);
        Assert.Equal("This app's overall priority is: High\nThe reasons why this app was assigned priority of High include:\n1. Usage history (HIGH): The user has not accessed this application in the last 90 days.\n", item);
        Assert.StartsWith("This access's overall priority is: Medium\n", sub, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Admin.PostAsync($"{Accesses}/aimunknown0000000000/summary", null)).StatusCode);
    }

    [Fact]
    public async Task Principal_DetailsFromInventory()
    {
        var p = await GetAsync(f.Admin, $"{ReviewsApi.Admin}/{f.Active}/principal");

        Assert.Equal(A.Target, p.GetProperty("id").GetString());
        Assert.Equal("tara@example.com", p.GetProperty("email").GetString());
        Assert.Equal("tara@example.com", p.GetProperty("login").GetString());
        Assert.Equal("Tara", p.GetProperty("firstName").GetString());
        Assert.Equal("Target", p.GetProperty("lastName").GetString());
        Assert.Equal("ACTIVE", p.GetProperty("status").GetString());
        Assert.Equal("Finance", p.GetProperty("department").GetString());
        Assert.Equal("Ada Admin", p.GetProperty("manager").GetString());
        Assert.Equal("Controller", p.GetProperty("role").GetString());
        Assert.Equal("Hamburg", p.GetProperty("homeLocation").GetProperty("city").GetString());
        Assert.Equal("HH", p.GetProperty("homeLocation").GetProperty("state").GetString());
        Assert.Equal("DE", p.GetProperty("homeLocation").GetProperty("country").GetString());
        Assert.Equal("2025-12-31T08:00:00Z", p.GetProperty("lastLoginInfo").GetProperty("date").GetString());
        Assert.Equal("Hamburg", p.GetProperty("lastLoginInfo").GetProperty("location").GetProperty("city").GetString());
        Assert.Equal("APP_ADMIN", p.GetProperty("oktaAdminRoles")[0].GetProperty("roleId").GetString());
        Assert.Equal("App Admin", p.GetProperty("oktaAdminRoles")[0].GetProperty("roleName").GetString());
        Assert.Equal(A.Admin, p.GetProperty("createdBy").GetString());
        Assert.True(p.TryGetProperty("created", out _));
        Assert.True(p.TryGetProperty("lastUpdated", out _));
        Assert.True(p.TryGetProperty("lastUpdatedBy", out _));
        Assert.Equal($"http://localhost/api/v1/users/{A.Target}", p.GetProperty("_links").GetProperty("userDetails").GetProperty("href").GetString());
    }

    [Fact]
    public async Task MyRoutes_ReviewerReads_OthersGet404()
    {
        var rita = f.Host.As(A.ReviewerA);
        var ruth = f.Host.As(A.ReviewerC);
        var mine = $"{My}/{f.Active}";
        var aws = f.ItemIds["AWS Console"];

        Assert.Equal(3, (await IdsAsync(rita, $"{mine}/accesses")).Count);
        Assert.Equal(2, (await IdsAsync(rita, $"{mine}/accesses/{aws}/sub-accesses")).Count);
        Assert.Equal(A.Target, (await GetAsync(rita, $"{mine}/principal")).GetProperty("id").GetString());
        foreach (var path in new[] { "/principal", "/accesses", $"/accesses/{aws}/sub-accesses", $"/accesses/{aws}/anomalies" })
        {
            var response = await ruth.GetAsync(mine + path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("E0000007", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await ruth.PostAsync($"{mine}/summary", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ruth.PostAsync($"{mine}/accesses/{aws}/summary", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rita.GetAsync($"{ReviewsApi.Admin}/{f.Active}/accesses")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Admin.GetAsync($"{ReviewsApi.Admin}/sarunknown00000000000/accesses")).StatusCode);
    }
}
