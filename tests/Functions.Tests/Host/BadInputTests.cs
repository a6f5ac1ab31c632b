using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using AccessReviewFunctions.Functions.Tests.Reviews;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Host;

/// <summary>Inputs that were a 500 or were silently accepted: each is a 400 (or 401, 415) with Okta's error body now.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly ApiHost host = new();
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        await TestInventory.ImportAsync(host);
        admin = host.AsAdmin();
    }

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Patch_NullReviewerId_400()
    {
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;

        var response = await admin.PatchAsync($"{Admin}/{id}", Json("""{"reviewerSettings":{"type":"USER","userSettings":{"includedUserIds":[null]}}}"""));

        await AssertOktaAsync(response, HttpStatusCode.BadRequest, "E0000001");
    }

    [Theory]
    [InlineData("since=0001-01-01T00:00:00Z")]
    [InlineData("until=9999-12-31T23:59:59.9999999Z")]
    [InlineData("since=0001-01-01T00:00:00Z&until=9999-12-31T23:59:59.9999999Z")]
    public async Task Logs_TimeAtTheEndsOfTheCalendar_200WithTheCreate(string window)
    {
        await CreateAsync(admin, Body());
        await host.Services.QuietAsync(); // the System Log table is filled through the outbox

        var response = await admin.GetAsync($"/api/v1/logs?{window}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("eventType").GetString() == "access.review.create");
    }

    [Fact]
    public async Task Logs_DescendingCursorAtTheLastInstant_200()
    {
        var response = await admin.GetAsync("/api/v1/logs?until=9999-12-31T23:59:59.9999999Z&sortOrder=DESCENDING&limit=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Users_QueryOf2000Characters_400AndOf256_200()
    {
        var tooLong = await admin.GetAsync($"/api/v1/users?q={new string('a', 2000)}");
        var longest = await admin.GetAsync($"/api/v1/users?q={new string('a', 256)}");

        var error = await AssertOktaAsync(tooLong, HttpStatusCode.BadRequest, "E0000001");
        Assert.Equal(["q: must be at most 256 characters"], Causes(error));
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Token_WithoutUsableSubject_401(string? sub)
    {
        (string, string)[] claims = sub is null ? [("roles", "SUPER_ADMIN")] : [("sub", sub), ("roles", "SUPER_ADMIN")];
        var client = host.Bearer(claims);

        var create = await client.PostAsJsonAsync(Admin, Body());
        var list = await client.GetAsync(My);

        await AssertOktaAsync(create, HttpStatusCode.Unauthorized, "E0000011");
        await AssertOktaAsync(list, HttpStatusCode.Unauthorized, "E0000011");
        Assert.Empty((await GetAsync(admin, Admin)).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Token_SignedByTheTestWithASubject_Accepted()
    {
        var response = await host.Bearer(("sub", TestInventory.ReviewerA)).GetAsync(My);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Import_NotJson_415(string? contentType)
    {
        using var content = new StringContent("{}", Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        var response = await admin.PostAsync("/api/v1/inventory/import", content);

        await AssertOktaAsync(response, HttpStatusCode.UnsupportedMediaType, "E0000001");
    }

    [Theory]
    [InlineData("Quarterly\u0000review")]
    [InlineData("Quarterly\u001b[31mreview")]
    [InlineData("Quarterly\r\nreview")]
    [InlineData("Quarterly\u202ereview")]
    public async Task Create_NameWithControlCharacters_400AndNothingStored(string name)
    {
        var response = await admin.PostAsJsonAsync(Admin, Body(name: name));

        var error = await AssertOktaAsync(response, HttpStatusCode.BadRequest, "E0000001");
        Assert.Contains(Causes(error), c => c.StartsWith("name: must not contain control characters", StringComparison.Ordinal));
        Assert.Empty((await GetAsync(admin, Admin)).GetProperty("data").EnumerateArray());
    }

    [Theory]
    [InlineData("ok\r\n2026-01-05 forged log line")]
    [InlineData("bell\u0007")]
    [InlineData("nul\u0000")]
    public async Task CommentAndNote_WithControlCharacters_400(string text)
    {
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");

        var comment = await admin.PostAsJsonAsync($"{Admin}/{id}/comment", new { comment = text });
        var note = await admin.PatchAsync($"{Admin}/{id}", JsonContent.Create(new { expirationNote = text }));

        Assert.Contains(Causes(await AssertOktaAsync(comment, HttpStatusCode.BadRequest, "E0000001")), c => c.StartsWith("comment: must not contain", StringComparison.Ordinal));
        Assert.Contains(Causes(await AssertOktaAsync(note, HttpStatusCode.BadRequest, "E0000001")), c => c.StartsWith("expirationNote: must not contain", StringComparison.Ordinal));
        Assert.DoesNotContain(await HistoryAsync(admin, id), h => h.StartsWith("commented", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("+1")]
    [InlineData("REVOKE_ACCESS, RESTORE_ACCESS")]
    [InlineData("revoke_access")]
    public async Task ItemAction_TypeNotADocumentedName_400(string type)
    {
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        var item = (await AccessesApi.ItemsAsync(admin, id))[0].Id;

        var response = await admin.PostAsJsonAsync($"{Admin}/{id}/accesses/{item}/actions", new { type });

        await AssertOktaAsync(response, HttpStatusCode.BadRequest, "E0000001");
        Assert.All(await AccessesApi.ItemsAsync(admin, id), i => Assert.Null(i.Decision));
    }

    [Theory]
    [InlineData(Admin)]
    [InlineData("/api/v1/users")]
    [InlineData("/api/v1/logs")]
    public async Task List_LimitWithASign_400(string path)
    {
        var response = await admin.GetAsync($"{path}?limit=%2B5");

        await AssertOktaAsync(response, HttpStatusCode.BadRequest, "E0000001");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    internal static async Task<JsonElement> AssertOktaAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var error = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, error.GetProperty("errorCode").GetString());
        return error;
    }
}
