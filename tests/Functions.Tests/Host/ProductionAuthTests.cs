using System.Net;
using System.Net.Http.Json;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Okta;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Host;

/// <summary>Outside Development no one can mint tokens with a public key; scopes, SSWS API tokens and the identity provider hold.</summary>
public sealed class ProductionAuthTests
{
    private const string ApiToken = "00T-an-api-token-for-the-tests";

    [Theory]
    [InlineData(AuthOptions.SampleSigningKey, "sample key")]
    [InlineData("short-key", "shorter than 256 bits")]
    public void Start_OutsideDevelopmentWithAnUnsafeKey_Refused(string key, string reason)
    {
        using var host = new ApiHost(new Dictionary<string, string?> { ["Auth:SigningKey"] = key });

        var e = Assert.Throws<OptionsValidationException>(() => host.Services);

        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SampleKeyExplicitlyAllowed_Starts()
    {
        using var host = new ApiHost(new Dictionary<string, string?> { ["Auth:SigningKey"] = AuthOptions.SampleSigningKey, ["Auth:AllowInsecureSigningKey"] = "true" });

        var response = await host.AsAdmin().GetAsync(Admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Authority_Set_DevelopmentKeyTokensRefusedAndNoDevTokens()
    {
        using var host = new ApiHost(new Dictionary<string, string?> { ["Auth:Authority"] = "https://idp.invalid/oauth2/default" });

        var forged = await host.Bearer(("sub", TestInventory.Admin), ("roles", Roles.SuperAdmin)).GetAsync(Admin);
        var devToken = await host.CreateClient().PostAsJsonAsync("/dev/token", new { sub = TestInventory.Admin });

        await BadInputTests.AssertOktaAsync(forged, HttpStatusCode.Unauthorized, "E0000011");
        Assert.Equal(HttpStatusCode.NotFound, devToken.StatusCode);
    }

    [Fact]
    public async Task Ssws_ConfiguredToken_ActsAsItsUserAndAnyOtherIs401()
    {
        using var host = new ApiHost(new Dictionary<string, string?>
        {
            ["Auth:ApiTokens:0:Sha256"] = ApiTokenHandler.Hash(ApiToken),
            ["Auth:ApiTokens:0:Subject"] = TestInventory.Admin,
            ["Auth:ApiTokens:0:Roles:0"] = Roles.SuperAdmin,
        });
        await TestInventory.ImportAsync(host);

        var created = await host.With("SSWS", ApiToken).PostAsJsonAsync(Admin, Body());
        var wrong = await host.With("SSWS", ApiToken + "x").GetAsync(Admin);

        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        Assert.Equal(TestInventory.Admin, (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("createdBy").GetString());
        await BadInputTests.AssertOktaAsync(wrong, HttpStatusCode.Unauthorized, "E0000011");
    }

    [Fact]
    public async Task Scopes_TokenWithAdminReadOnly_ReadsButCannotCreate()
    {
        using var host = new ApiHost();
        await TestInventory.ImportAsync(host);
        var reader = host.Bearer(("sub", TestInventory.Admin), ("roles", Roles.SuperAdmin), ("scp", OktaScopes.AdminRead));

        var list = await reader.GetAsync(Admin);
        var create = await reader.PostAsJsonAsync(Admin, Body());

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        await BadInputTests.AssertOktaAsync(create, HttpStatusCode.Forbidden, "E0000006");
    }

    [Fact]
    public async Task Scopes_AdminScopeWithoutTheRole_403()
    {
        using var host = new ApiHost();
        var user = host.Bearer(("sub", TestInventory.ReviewerA), ("scope", $"{OktaScopes.AdminRead} {OktaScopes.EndUserRead}"));

        var admin = await user.GetAsync(Admin);
        var mine = await user.GetAsync(My);

        await BadInputTests.AssertOktaAsync(admin, HttpStatusCode.Forbidden, "E0000006");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
    }
}
