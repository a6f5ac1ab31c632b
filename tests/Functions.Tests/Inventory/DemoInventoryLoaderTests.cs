using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AccessReviewFunctions.Functions.Tests.Inventory;

public sealed class DemoInventoryLoaderTests : IDisposable
{
    private readonly TestHost host = new(new Dictionary<string, string?> { ["Inventory:LoadDemoData"] = "true" });

    [Fact]
    public async Task Startup_LoadDemoData_WellKnownPrincipalsAndAccessAvailable()
    {
        var client = host.AsAdmin();
        var store = host.Services.GetRequiredService<IInventoryStore>();
        PrincipalAccess? target = null;
        for (var attempt = 0; attempt < 120 && (target is null || target.Grants.Count < 12); attempt++)
        {
            await Task.Delay(250);
            target = await store.GetPrincipalAccessAsync(DemoInventory.TargetId, CancellationToken.None);
        }

        Assert.NotNull(target);
        Assert.Equal(12, target.Grants.Count);
        Assert.Equal(12, target.Apps.Count);
        var admin = await client.GetFromJsonAsync<JsonElement>($"/api/v1/users/{DemoInventory.AdminId}");
        Assert.Equal("admin@acme.example", admin.GetProperty("profile").GetProperty("login").GetString());
        var reviewers = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/users?q=reviewer");
        Assert.Equal(DemoInventory.ReviewerIds, reviewers!.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users?limit=200")).StatusCode);
    }

    public void Dispose() => host.Dispose();
}
