using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReadApi;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Remediation;

/// <summary>The SCIM 2.0 connector against a small SCIM server on loopback.</summary>
public sealed partial class ScimConnectorTests
{
    private const string Token = "scim-test-token";

    [Fact]
    public async Task RevokeThenRestore_GroupMembership_RemovedWithPatchAndAddedBack()
    {
        var scim = new ScimGroups();
        scim.Members[RemediationInventory.Group(0)] = [TestInventory.Target, "00uother000000000001"];
        scim.Members[RemediationInventory.Group(1)] = [TestInventory.Target];
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/scim/v2/Groups/{id}", scim.GetAsync);
            app.MapPatch("/scim/v2/Groups/{id}", scim.PatchAsync);
        });
        using var host = new ApiHost(new Dictionary<string, string?>
        {
            ["Remediation:Enabled"] = "true",
            ["Remediation:DefaultConnector"] = "scim",
            ["Remediation:Scim:BaseUrl"] = new Uri(server.Url, "scim/v2").AbsoluteUri,
            ["Remediation:Scim:Token"] = Token,
        });
        var (admin, id) = await RemediationScenario.ActiveReviewAsync(host, 2);
        var reviewer = host.As(TestInventory.ReviewerA);
        var item = (await RemediationApi.ItemsAsync(admin, id)).Single(i => i.AppId == RemediationInventory.App(0));

        Assert.True((await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{item.Id}/actions", new { type = "REVOKE_ACCESS" })).IsSuccessStatusCode);
        await RemediationApi.SettledAsync(admin, id);

        Assert.Equal(["00uother000000000001"], scim.Members[RemediationInventory.Group(0)]);
        Assert.Equal([TestInventory.Target], scim.Members[RemediationInventory.Group(1)]);
        Assert.Equal([$"remove members[value eq \"{TestInventory.Target}\"]"], scim.Patches);
        Assert.Equal(0, scim.Unauthorized);

        Assert.True((await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{item.Id}/actions", new { type = "RESTORE_ACCESS" })).IsSuccessStatusCode);
        await RemediationApi.SettledAsync(admin, id);

        Assert.Equal(["00uother000000000001", TestInventory.Target], scim.Members[RemediationInventory.Group(0)]);
        Assert.Equal(("RESTORE", "SUCCEEDED"), (await RemediationApi.ItemsAsync(admin, id)).Where(i => i.Id == item.Id).Select(i => (i.Kind, i.Status)).Single());
    }

    [Fact]
    public async Task UniversalLogout_DeactivateOnLogout_UserPatchedInactiveOnceAndTheLogoutSucceeded()
    {
        var scim = new ScimGroups();
        scim.Active[TestInventory.Target] = true;
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/scim/v2/Users/{id}", scim.GetUserAsync);
            app.MapPatch("/scim/v2/Users/{id}", scim.PatchUserAsync);
        });
        using var host = new ApiHost(new Dictionary<string, string?>
        {
            ["Remediation:Enabled"] = "true",
            ["Remediation:DefaultConnector"] = "scim",
            ["Remediation:Scim:BaseUrl"] = new Uri(server.Url, "scim/v2").AbsoluteUri,
            ["Remediation:Scim:Token"] = Token,
            ["Remediation:Scim:DeactivateOnLogout"] = "true",
        });
        var (admin, id) = await RemediationScenario.ActiveReviewAsync(host, 1);

        var logout = await host.As(TestInventory.ReviewerA).PostAsJsonAsync($"{My}/{id}/actions", new { actionType = "UNIVERSAL_LOGOUT" });
        Assert.True(logout.IsSuccessStatusCode, await logout.Content.ReadAsStringAsync());
        var counts = (await RemediationApi.SettledAsync(admin, id))!.Value;
        await host.Services.QuietAsync();

        Assert.False(scim.Active[TestInventory.Target]);
        Assert.Equal([$"{TestInventory.Target} replace active=false"], scim.Patches);
        Assert.Equal(0, scim.Unauthorized);
        var shown = counts.GetProperty("logout");
        Assert.Equal(("LOGOUT", "SUCCEEDED", 1, "deactivated", $"{id}.logout.{shown.GetProperty("id").GetString()!.Split('.')[2]}"),
            (shown.GetProperty("kind").GetString(), shown.GetProperty("status").GetString(), shown.GetProperty("attempts").GetInt32(), shown.GetProperty("result").GetString(), shown.GetProperty("id").GetString()));
        Assert.Equal((0, 1), (counts.GetProperty("pending").GetInt32(), counts.GetProperty("succeeded").GetInt32()));
        var logs = await GetAsync(admin, $"/api/v1/logs?since=2026-01-01T00:00:00Z&filter={Q("eventType eq \"access.review.remediate\"")}");
        var entry = Assert.Single(logs.EnumerateArray());
        Assert.Equal(("SUCCESS", "deactivated"), (entry.GetProperty("outcome").GetProperty("result").GetString(), entry.GetProperty("outcome").GetProperty("reason").GetString()));
        Assert.Contains(entry.GetProperty("target").EnumerateArray(), t => t.GetProperty("id").GetString() == TestInventory.Target && t.GetProperty("type").GetString() == "User");
    }

    /// <summary>Groups and their members; GET with attributes=members and PATCH with add / remove members[value eq "…"], bearer token required.</summary>
    private sealed partial class ScimGroups
    {
        private static readonly string[] GroupSchemas = ["urn:ietf:params:scim:schemas:core:2.0:Group"];
        private static readonly string[] UserSchemas = ["urn:ietf:params:scim:schemas:core:2.0:User"];

        public ConcurrentDictionary<string, List<string>> Members { get; } = new(StringComparer.Ordinal);

        public ConcurrentQueue<string> Patches { get; } = new();

        /// <summary>Users by id: whether each is active.</summary>
        public ConcurrentDictionary<string, bool> Active { get; } = new(StringComparer.Ordinal);

        public int Unauthorized { get; private set; }

        public IResult GetAsync(string id, HttpRequest request) =>
            !Authorized(request) ? Results.Unauthorized()
            : Members.TryGetValue(id, out var members) ? Results.Json(new { schemas = GroupSchemas, id, members = members.Select(m => new { value = m }) }, contentType: "application/scim+json")
            : Results.NotFound();

        public async Task<IResult> PatchAsync(string id, HttpRequest request)
        {
            if (!Authorized(request))
            {
                return Results.Unauthorized();
            }

            if (!Members.TryGetValue(id, out var members))
            {
                return Results.NotFound();
            }

            using var body = JsonDocument.Parse(await LoopbackServer.BodyAsync(request));
            foreach (var operation in body.RootElement.GetProperty("Operations").EnumerateArray())
            {
                var op = operation.GetProperty("op").GetString()!;
                var path = operation.GetProperty("path").GetString()!;
                Patches.Enqueue(op == "remove" ? $"{op} {path}" : $"{op} {path} {operation.GetProperty("value")[0].GetProperty("value").GetString()}");
                if (op == "remove" && MemberFilter().Match(path) is { Success: true } match)
                {
                    members.Remove(match.Groups[1].Value);
                }
                else if (op == "add")
                {
                    members.AddRange(operation.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("value").GetString()!).Where(v => !members.Contains(v)));
                }
            }

            return Results.NoContent();
        }

        public IResult GetUserAsync(string id, HttpRequest request) =>
            !Authorized(request) ? Results.Unauthorized()
            : Active.TryGetValue(id, out var active) ? Results.Json(new { schemas = UserSchemas, id, active }, contentType: "application/scim+json")
            : Results.NotFound();

        /// <summary>PATCH of a user: replace with {"active": …} (no path), as RFC 7644 §3.5.2.3 allows.</summary>
        public async Task<IResult> PatchUserAsync(string id, HttpRequest request)
        {
            if (!Authorized(request))
            {
                return Results.Unauthorized();
            }

            using var body = JsonDocument.Parse(await LoopbackServer.BodyAsync(request));
            foreach (var operation in body.RootElement.GetProperty("Operations").EnumerateArray())
            {
                var active = operation.GetProperty("value").GetProperty("active").GetBoolean();
                Patches.Enqueue($"{id} {operation.GetProperty("op").GetString()} active={(active ? "true" : "false")}");
                Active[id] = active;
            }

            return Results.NoContent();
        }

        private bool Authorized(HttpRequest request)
        {
            var ok = request.Headers.Authorization.ToString() == $"Bearer {Token}";
            Unauthorized += ok ? 0 : 1;
            return ok;
        }

        [GeneratedRegex("^members\\[value eq \"([^\"]+)\"\\]$")]
        private static partial Regex MemberFilter();
    }
}
