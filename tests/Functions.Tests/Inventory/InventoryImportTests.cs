using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using AccessReviewFunctions.Functions.Tests.Reviews;
using static AccessReviewFunctions.Functions.Tests.Inventory.InventoryData;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Inventory;

public sealed class InventoryImportTests : IDisposable
{
    private readonly ApiHost host = new();

    [Fact]
    public async Task Import_ValidDocument_ReadBackThroughUsersApi()
    {
        var manager = User(1, "Mary", "Boss");
        var user = User(2) with { ManagerId = manager.Id, LastLogin = Created.AddDays(3), AdminRoles = ["APP_ADMIN"] };

        var response = await host.AsAdmin().PostAsync("/api/v1/inventory/import", Json(Document([manager, user], [Grant(2, AssignmentType.GROUP)])));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counts = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, counts.GetProperty("users").GetInt32());
        Assert.Equal(1, counts.GetProperty("applications").GetInt32());
        Assert.Equal(1, counts.GetProperty("grants").GetInt32());
        var read = await host.As("00ureader", "REVIEWER").GetFromJsonAsync<JsonElement>($"/api/v1/users/{user.Id}");
        Assert.Equal(user.Id, read.GetProperty("id").GetString());
        Assert.Equal("ACTIVE", read.GetProperty("status").GetString());
        Assert.Equal("2025-03-01T12:00:00Z", read.GetProperty("created").GetString());
        Assert.Equal("2025-03-04T12:00:00Z", read.GetProperty("lastLogin").GetString());
        var profile = read.GetProperty("profile");
        Assert.Equal(user.Login, profile.GetProperty("login").GetString());
        Assert.Equal("Ann", profile.GetProperty("firstName").GetString());
        Assert.Equal(manager.Id, profile.GetProperty("managerId").GetString());
        Assert.Equal("US", profile.GetProperty("countryCode").GetString());
        Assert.Equal("Engineer", profile.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Import_SeveralProblems_400ListsEachAndStoresNothing()
    {
        var valid = User(1);
        var badEmail = User(2) with { Email = "nope" };
        var grants = new[] { Grant(1, AssignmentType.INDIVIDUAL, appId: "0oa999"), Grant(3, AssignmentType.GROUP) };

        var response = await host.AsAdmin().PostAsync("/api/v1/inventory/import", Json(Document([valid, badEmail], grants)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("E0000001", body.GetProperty("errorCode").GetString());
        var causes = body.GetProperty("errorCauses").EnumerateArray().Select(c => c.GetProperty("errorSummary").GetString()).ToList();
        Assert.Equal(
            ["users[1].email: not a valid email address: nope", "grants[0].appId: unknown application 0oa999", $"grants[1].principalId: unknown user {Id(3)}"],
            causes);
        var read = await host.AsAdmin().GetAsync($"/api/v1/users/{valid.Id}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Import_UnknownEnumValue_400NamesPath()
    {
        var body = """{ "users": [], "applications": [{ "id": "0oa1", "name": "a", "label": "A" }], "grants": [] , "groups": [{ "id": "00g1", "appId": "0oa1", "name": "g" }] }""";
        var ok = await host.AsAdmin().PostAsync("/api/v1/inventory/import", new StringContent(body, Encoding.UTF8, "application/json"));
        var bad = """{ "users": [{ "id": "00u1", "login": "a@b.c", "email": "a@b.c", "firstName": "A", "lastName": "B", "status": "ENABLED", "created": "2025-01-01T00:00:00Z" }] }""";

        var response = await host.AsAdmin().PostAsync("/api/v1/inventory/import", new StringContent(bad, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var causes = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCauses");
        Assert.Equal("users[0].status: unknown value; expected one of ACTIVE, SUSPENDED, DEPROVISIONED, STAGED", causes[0].GetProperty("errorSummary").GetString());
    }

    [Theory]
    [InlineData("{ \"users\": [")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{ \"users\": 5 }")]
    [InlineData("{ \"grants\": [{ \"assignedDate\": \"yesterday\" }] }")]
    public async Task Import_MalformedJson_400OktaBody(string body)
    {
        var response = await host.AsAdmin().PostAsync("/api/v1/inventory/import", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("E0000001", error.GetProperty("errorCode").GetString());
        Assert.StartsWith("Malformed JSON", error.GetProperty("errorCauses")[0].GetProperty("errorSummary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NonAdmin_403()
    {
        var response = await host.As("00ureviewer000000001", "REVIEWER").PostAsync("/api/v1/inventory/import", Json(Document([User(1)])));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("E0000006", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Import_Unauthenticated_401()
    {
        var response = await host.CreateClient().PostAsync("/api/v1/inventory/import", Json(Document([User(1)])));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("E0000011", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Import_ReferencesToStoredIds_Accepted()
    {
        var admin = host.AsAdmin();
        await admin.PostAsync("/api/v1/inventory/import", Json(Document([User(1), User(2)])));
        var grantsOnly = new InventoryDocument([], [], [], [], [], [Grant(1, AssignmentType.GROUP)], []);

        var response = await admin.PostAsync("/api/v1/inventory/import", Json(grantsOnly));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reviewId = await ActiveReviewAsync(admin, Id(1), reviewer: Id(2));
        var item = (await GetAsync(admin, $"{ReviewsApi.Admin}/{reviewId}/accesses")).GetProperty("data").EnumerateArray().Single();
        var app = item.GetProperty("appInfo");
        Assert.Equal((AppId, "Salesforce", "GROUP", 7), (app.GetProperty("id").GetString(), app.GetProperty("label").GetString(), app.GetProperty("assignmentType").GetString(), app.GetProperty("applicationUsage").GetInt32()));
        Assert.Equal(["SOX"], app.GetProperty("governanceLabels").EnumerateArray().Select(l => l.GetProperty("value").GetString()));
        Assert.Equal("https://cdn.example/salesforce.png", app.GetProperty("logoUrl").GetString());
        var subs = await AccessesApi.SubItemsAsync(admin, reviewId, item.GetProperty("id").GetString()!);
        Assert.Equal(["Role: Viewer", "Salesforce Users"], subs.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reimport_UpdatesFieldsAndKeepsAssignmentStatsRight()
    {
        var admin = host.AsAdmin();
        var first = Document([User(1), User(2), User(3)], [Grant(1, AssignmentType.GROUP), Grant(2, AssignmentType.GROUP), Grant(3, AssignmentType.INDIVIDUAL)]);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/inventory/import", Json(first))).StatusCode);
        var second = Document([User(1, last: "Changed") with { Status = UserStatus.SUSPENDED }], [Grant(1, AssignmentType.ACCESS_REQUEST), Grant(2, AssignmentType.GROUP)]);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/inventory/import", Json(second))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/inventory/import", Json(second))).StatusCode);

        var user = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{Id(1)}");
        Assert.Equal("Changed", user.GetProperty("profile").GetProperty("lastName").GetString());
        Assert.Equal("SUSPENDED", user.GetProperty("status").GetString());
        // The store's own assignment counters, kept across re-imports: the API shows them only as a percentage.
        var stats = Assert.Single(await Store.GetAssignmentStatsAsync([AppId], CancellationToken.None));
        Assert.Equal(1, stats.UsersByAssignmentType[AssignmentType.GROUP]);
        Assert.Equal(1, stats.UsersByAssignmentType[AssignmentType.INDIVIDUAL]);
        Assert.Equal(1, stats.UsersByAssignmentType[AssignmentType.ACCESS_REQUEST]);
        var none = Assert.Single(await Store.GetAssignmentStatsAsync(["0oanothing"], CancellationToken.None));
        Assert.All(none.UsersByAssignmentType.Values, count => Assert.Equal(0, count));
    }

    private static async Task<string> ActiveReviewAsync(HttpClient admin, string principal, string reviewer)
    {
        var id = (await ReviewsApi.CreateAsync(admin, ReviewsApi.Body(principal, [reviewer]))).GetProperty("id").GetString()!;
        await ReviewsApi.WaitForStatusAsync(admin, id, "ACTIVE");
        return id;
    }

    private IInventoryStore Store => host.Services.GetRequiredService<IInventoryStore>();

    public void Dispose() => host.Dispose();
}
