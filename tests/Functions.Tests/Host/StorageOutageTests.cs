using System.Net;
using System.Net.Http.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Host;

/// <summary>Storage stops and comes back: requests answer 503 with Retry-After and Okta's body, then work again without a restart.</summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task Outage_ReadsWritesAndReadiness_503WithRetryAfterThenRecoverWithoutRestart()
    {
        await using var outage = new StorageOutage();
        using var host = new ApiHost(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = outage.ConnectionString });
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/readyz")).StatusCode);

        outage.Stop();
        var read = await admin.GetAsync($"{Admin}/{id}/accesses");
        var create = await admin.PostAsJsonAsync(Admin, Body());
        var users = await admin.GetAsync("/api/v1/users");
        var ready = await anonymous.GetAsync("/readyz");

        foreach (var response in new[] { read, create, users })
        {
            var error = await BadInputTests.AssertOktaAsync(response, HttpStatusCode.ServiceUnavailable, "E0000010");
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.Equal("Service unavailable: storage is not answering; try again later", error.GetProperty("errorSummary").GetString());
        }

        Assert.Equal((HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(5)), (ready.StatusCode, ready.Headers.RetryAfter?.Delta));
        outage.Start();

        await Eventually.GetAsync(async () => (await admin.GetAsync($"{Admin}/{id}/accesses")).StatusCode, s => s == HttpStatusCode.OK, what: "reads to work again");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/readyz")).StatusCode);
        var second = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, second, "ACTIVE");
    }
}
