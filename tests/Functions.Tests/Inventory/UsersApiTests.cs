using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Inventory.InventoryData;

namespace AccessReviewFunctions.Functions.Tests.Inventory;

public sealed partial class UsersApiTests : IDisposable
{
    private readonly ApiHost host = new();

    [Fact]
    public async Task List_Query_CaseInsensitivePrefixOfLoginEmailOrNames()
    {
        await ImportAsync(
            User(1, "Anna", "Smith"),
            User(2, "Bob", "Annerton"),
            User(3, "Carl", "Jones", login: "annex@acme.example"),
            User(4, "Dana", "Hanna"),
            User(5, "Eve", "O'Brien"));
        var client = host.As("00ureader", "REVIEWER");

        var ann = await IdsAsync(client, "/api/v1/users?q=ANN");
        var quote = await IdsAsync(client, "/api/v1/users?q=o'b");

        Assert.Equal([Id(1), Id(2), Id(3)], ann);
        Assert.Equal([Id(5)], quote);
    }

    [Fact]
    public async Task List_Paging_VisitsEveryUserExactlyOnce()
    {
        var users = Enumerable.Range(1, 23).Select(n => User(n)).Reverse().ToArray();
        await ImportAsync(users);
        var client = host.AsAdmin();
        var seen = new List<string>();
        var url = "/api/v1/users?limit=5";
        var pages = 0;

        while (url is not null)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var links = response.Headers.GetValues("Link").ToList();
            Assert.Contains(links, l => l.EndsWith("rel=\"self\"", StringComparison.Ordinal));
            seen.AddRange((await response.Content.ReadFromJsonAsync<JsonElement[]>())!.Select(u => u.GetProperty("id").GetString()!));
            url = links.Select(l => NextLink().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).SingleOrDefault()!;
            pages++;
        }

        Assert.Equal(5, pages);
        Assert.Equal(users.Select(u => u.Id).Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task List_PagingWithQuery_KeepsQueryInNextLink()
    {
        await ImportAsync(User(1, "Zed", "A"), User(2, "Zoe", "B"), User(3, "Amy", "C"), User(4, "Zack", "D"));

        var response = await host.AsAdmin().GetAsync("/api/v1/users?q=z&limit=2");

        var next = response.Headers.GetValues("Link").Select(l => NextLink().Match(l)).Single(m => m.Success).Groups[1].Value;
        Assert.Contains("q=z", next, StringComparison.Ordinal);
        Assert.Contains($"after={Id(2)}", next, StringComparison.Ordinal);
        Assert.Equal([Id(4)], await IdsAsync(host.AsAdmin(), next));
    }

    [Fact]
    public async Task List_DefaultLimit_NoNextLinkWhenAllFit()
    {
        await ImportAsync(User(1), User(2));

        var response = await host.AsAdmin().GetAsync("/api/v1/users");

        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement[]>())!.Length);
        Assert.DoesNotContain(response.Headers.GetValues("Link"), l => l.Contains("rel=\"next\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("ten")]
    public async Task List_LimitOutOfRange_400OktaBody(string limit)
    {
        var response = await host.AsAdmin().GetAsync($"/api/v1/users?limit={limit}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("E0000001", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task List_Unauthenticated_401()
    {
        var response = await host.CreateClient().GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task List_Deprovisioned_LeftOutUnlessAFilterAsks()
    {
        await ImportAsync(User(1, "Anna", "Smith"), User(2, "Anne", "Gone") with { Status = UserStatus.DEPROVISIONED }, User(3, "Andy", "Away") with { Status = UserStatus.SUSPENDED });
        var client = host.AsAdmin();

        Assert.Equal([Id(1), Id(3)], await IdsAsync(client, "/api/v1/users"));
        Assert.Equal([Id(1), Id(3)], await IdsAsync(client, "/api/v1/users?q=an"));
        Assert.Equal([Id(2)], await IdsAsync(client, $"/api/v1/users?filter={Uri.EscapeDataString("status eq \"DEPROVISIONED\"")}"));
        Assert.Equal([Id(1), Id(2)], await IdsAsync(client, $"/api/v1/users?filter={Uri.EscapeDataString("profile.lastName eq \"Smith\" or profile.firstName co \"ne\"")}"));
    }

    [Fact]
    public async Task List_FilterKeptInNextLink_SearchAndBadFilter400()
    {
        await ImportAsync(User(1), User(2), User(3) with { Department = "Sales" });
        var client = host.AsAdmin();
        var filter = Uri.EscapeDataString("profile.department eq \"IT\"");

        var response = await client.GetAsync($"/api/v1/users?filter={filter}&limit=1");
        var next = response.Headers.GetValues("Link").Select(l => NextLink().Match(l)).Single(m => m.Success).Groups[1].Value;

        Assert.Equal([Id(2)], await IdsAsync(client, next));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/users?search={filter}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/users?filter={Uri.EscapeDataString("status eq \"GONE\"")}")).StatusCode);
    }

    [Fact]
    public async Task List_Query_DefaultLimitTen()
    {
        await ImportAsync([.. Enumerable.Range(1, 12).Select(n => User(n))]);

        Assert.Equal(10, (await IdsAsync(host.AsAdmin(), "/api/v1/users?q=ann")).Count);
        Assert.Equal(12, (await IdsAsync(host.AsAdmin(), "/api/v1/users")).Count);
    }

    [Fact]
    public async Task Get_ByIdLoginOrMe_TheUserWithOktasFields()
    {
        await ImportAsync(User(1, "Anna", "Smith"), User(2) with { Status = UserStatus.STAGED });

        var byId = await host.AsAdmin().GetFromJsonAsync<JsonElement>($"/api/v1/users/{Id(1)}");
        var byLogin = await host.AsAdmin().GetFromJsonAsync<JsonElement>("/api/v1/users/anna.smith1@acme.example");
        var me = await host.As(Id(1)).GetFromJsonAsync<JsonElement>("/api/v1/users/me");
        var staged = await host.AsAdmin().GetFromJsonAsync<JsonElement>($"/api/v1/users/{Id(2)}");

        Assert.All(new[] { byLogin, me }, u => Assert.Equal(Id(1), u.GetProperty("id").GetString()));
        Assert.Equal(byId.GetProperty("created").GetString(), byId.GetProperty("activated").GetString());
        Assert.Equal(JsonValueKind.Null, staged.GetProperty("activated").ValueKind);
        Assert.Equal(JsonValueKind.Null, byId.GetProperty("statusChanged").ValueKind);
        Assert.Equal(JsonValueKind.Null, byId.GetProperty("lastUpdated").ValueKind);
        Assert.Equal(JsonValueKind.Null, byId.GetProperty("passwordChanged").ValueKind);
        Assert.Equal("oty_default", byId.GetProperty("type").GetProperty("id").GetString());
        Assert.Equal("OKTA", byId.GetProperty("credentials").GetProperty("provider").GetProperty("type").GetString());
        Assert.Equal($"http://localhost/api/v1/users/{Id(1)}", byId.GetProperty("_links").GetProperty("self").GetProperty("href").GetString());
    }

    [Theory]
    [InlineData("00u00000000000000404")]
    [InlineData("bad%23id")]
    public async Task Get_Unknown_404OktaBody(string id)
    {
        var response = await host.AsAdmin().GetAsync($"/api/v1/users/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("E0000007", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task FindUsers_ReturnsExistingInOrderAsked()
    {
        await ImportAsync(User(1), User(2), User(3));

        // The store's batch lookup behind reviewer validation: no route returns users in the order asked.
        var found = await host.Services.GetRequiredService<IInventoryStore>().FindUsersAsync([Id(3), "00unobody", Id(1)], CancellationToken.None);

        Assert.Equal([Id(3), Id(1)], found.Select(u => u.Id));
    }

    private async Task ImportAsync(params InventoryUser[] users)
    {
        var response = await host.AsAdmin().PostAsync("/api/v1/inventory/import", Json(Document(users)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<List<string>> IdsAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement[]>(url))!.Select(u => u.GetProperty("id").GetString()!).ToList();

    [GeneratedRegex("^<([^>]+)>; rel=\"next\"$")]
    private static partial Regex NextLink();

    public void Dispose() => host.Dispose();
}
