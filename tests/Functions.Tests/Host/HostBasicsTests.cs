using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;

namespace AccessReviewFunctions.Functions.Tests.Host;

public sealed class HostBasicsTests : IDisposable
{
    private static readonly string[] Reviewer = ["REVIEWER"];

    private readonly ApiHost host = new();

    [Fact]
    public async Task Healthz_StorageAnswers_Returns200()
    {
        var response = await host.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_StorageDown_Returns503()
    {
        using var down = new ApiHost(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;",
        });

        var response = await down.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task DevToken_Disabled_Returns404()
    {
        using var closed = new ApiHost(new Dictionary<string, string?> { ["Auth:DevTokens"] = "false" });

        var response = await closed.CreateClient().PostAsJsonAsync("/dev/token", new { sub = "00u1" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DevToken_MissingSubject_Returns400WithOktaBody()
    {
        var response = await host.CreateClient().PostAsJsonAsync("/dev/token", new { roles = Reviewer });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("E0000001", body.GetProperty("errorCode").GetString());
        Assert.StartsWith("oae", body.GetProperty("errorId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_Returns404WithOktaBody()
    {
        var response = await host.CreateClient().GetAsync("/no/such/route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("E0000007", body.GetProperty("errorCode").GetString());
    }

    public void Dispose() => host.Dispose();
}
