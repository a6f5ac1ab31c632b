using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Risk;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Inventory.InventoryData;

namespace AccessReviewFunctions.Functions.Tests.Inventory;

public sealed class SodRuleImportTests : IDisposable
{
    private readonly ApiHost host = new();

    [Fact]
    public async Task Import_SodRules_CountedStoredAndReadBack()
    {
        var body = $$"""
            { "applications": [{ "id": "{{AppId}}", "name": "salesforce", "label": "Salesforce" }, { "id": "0oaother000000000001", "name": "other", "label": "Other" }],
              "groups": [{ "id": "{{GroupId}}", "appId": "{{AppId}}", "name": "Users" }],
              "entitlements": [{ "id": "espent00000000000001", "appId": "{{AppId}}", "name": "Role", "values": [{ "id": "{{ValueId}}", "name": "Viewer" }] }],
              "sodRules": [
                { "id": "sod-b", "name": "Group vs other app", "resourceIdA": "{{GroupId}}", "resourceIdB": "0oaother000000000001", "severity": "HIGH" },
                { "id": "sod-a", "name": "Value vs app", "resourceIdA": "{{ValueId}}", "resourceIdB": "{{AppId}}", "severity": "LOW" }
              ] }
            """;

        var response = await Post(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counts = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, counts.GetProperty("sodRules").GetInt32());
        Assert.Equal(2, counts.GetProperty("applications").GetInt32());
        Assert.Equal(
            [new SodRule("sod-a", "Value vs app", ValueId, AppId, Severity.LOW), new SodRule("sod-b", "Group vs other app", GroupId, "0oaother000000000001", Severity.HIGH)],
            await Store.GetSodRulesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Import_RulesOverStoredResources_ResolvedAndUpserted()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.AsAdmin().PostAsync("/api/v1/inventory/import", Json(Document([User(1)])))).StatusCode);
        var rule = new { id = "sod1", name = "First", resourceIdA = GroupId, resourceIdB = ValueId, severity = "MEDIUM" };

        var first = await host.AsAdmin().PostAsync("/api/v1/inventory/import", JsonContent.Create(new { sodRules = new[] { rule } }));
        var second = await host.AsAdmin().PostAsync("/api/v1/inventory/import", JsonContent.Create(new { sodRules = new[] { rule with { name = "Renamed", resourceIdB = AppId } } }));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var stored = Assert.Single(await Store.GetSodRulesAsync(CancellationToken.None));
        Assert.Equal(new SodRule("sod1", "Renamed", GroupId, AppId, Severity.MEDIUM), stored);
    }

    [Fact]
    public async Task Import_BadRule_400WithCauseAndNothingStored()
    {
        var body = $$"""
            { "applications": [{ "id": "{{AppId}}", "name": "salesforce", "label": "Salesforce" }],
              "sodRules": [
                { "id": "sod-ok", "name": "Fine", "resourceIdA": "{{AppId}}", "resourceIdB": "0oaother000000000001", "severity": "NONE" }
              ] }
            """;

        var response = await Post(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("E0000001", error.GetProperty("errorCode").GetString());
        var causes = error.GetProperty("errorCauses").EnumerateArray().Select(c => c.GetProperty("errorSummary").GetString()).ToList();
        Assert.Equal(
            ["sodRules[0].resourceIdB: unknown application, group or entitlement value 0oaother000000000001", "sodRules[0].severity: must be one of LOW, MEDIUM, HIGH"],
            causes);
        Assert.Empty(await Store.GetSodRulesAsync(CancellationToken.None));
        var references = InventoryValidator.UnresolvedReferences(InventoryDocument.Empty with { SodRules = [new SodRule("x", "x", AppId, "0oaother000000000001", Severity.LOW)] });
        Assert.Empty((await Store.ExistingIdsAsync(references, CancellationToken.None)).Resources);
    }

    [Fact]
    public async Task Upsert_Demo_StoresItsRules()
    {
        var demo = DemoInventory.Create(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));

        await Store.UpsertAsync(demo, CancellationToken.None);

        Assert.Equal(demo.SodRules.OrderBy(r => r.Id, StringComparer.Ordinal), await Store.GetSodRulesAsync(CancellationToken.None));
    }

    private Task<HttpResponseMessage> Post(string body) =>
        host.AsAdmin().PostAsync("/api/v1/inventory/import", new StringContent(body, Encoding.UTF8, "application/json"));

    // Rules have no read route (a review shows one only where its principal holds both sides): they are read from the store.
    private IInventoryStore Store => host.Services.GetRequiredService<IInventoryStore>();

    public void Dispose() => host.Dispose();
}
