using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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

    /// <summary>Groups and their members; GET with attributes=members and PATCH with add / remove members[value eq "…"], bearer token required.</summary>
    private sealed partial class ScimGroups
    {
        private static readonly string[] GroupSchemas = ["urn:ietf:params:scim:schemas:core:2.0:Group"];

        public ConcurrentDictionary<string, List<string>> Members { get; } = new(StringComparer.Ordinal);

        public ConcurrentQueue<string> Patches { get; } = new();

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
