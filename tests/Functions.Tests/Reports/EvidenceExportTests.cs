using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Reports;

public sealed class EvidenceExportTests
{
    private const string Aws = "0oaaws00000000000001";

    [Fact]
    public async Task Export_ReviewWithADecision_CsvOfEveryItemAndAManifestWithItsHash()
    {
        using var host = new ApiHost();
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        var aws = await Reviews.AccessesApi.ItemOfAppAsync(admin, id, Aws);
        var revoke = await host.As(TestInventory.ReviewerA).PostAsJsonAsync($"{My}/{id}/accesses/{aws.Id}/actions", new { type = "REVOKE_ACCESS" });
        Assert.Equal(HttpStatusCode.Accepted, revoke.StatusCode);

        var response = await admin.PostAsync($"{Admin}/{id}/exports", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var exportId = created.GetProperty("id").GetString()!;
        Assert.Equal(("CREATED", id), (created.GetProperty("status").GetString(), created.GetProperty("reviewId").GetString()));
        Assert.False(created.GetProperty("_links").TryGetProperty("csv", out _));
        var done = await Eventually.GetAsync(
            () => GetAsync(admin, $"{Admin}/{id}/exports/{exportId}"), e => e.GetProperty("status").GetString() == "COMPLETED", what: "the export to complete");

        var links = done.GetProperty("_links");
        var csv = await admin.GetByteArrayAsync(links.GetProperty("csv").GetProperty("href").GetString());
        var manifest = await GetAsync(admin, links.GetProperty("manifest").GetProperty("href").GetString()!);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(csv));
        Assert.Equal(sha256, done.GetProperty("sha256").GetString());
        Assert.Equal(sha256, manifest.GetProperty("csv").GetProperty("sha256").GetString());
        Assert.Equal((6L, 6L), (done.GetProperty("totalRows").GetInt64(), manifest.GetProperty("csv").GetProperty("rows").GetInt64()));
        Assert.Equal((id, "ACTIVE"), (manifest.GetProperty("review").GetProperty("id").GetString(), manifest.GetProperty("review").GetProperty("status").GetString()));
        Assert.Equal(await HistoryAsync(admin, id), manifest.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("message").GetString()));

        var lines = Encoding.UTF8.GetString(csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "Access Item Id,Parent Access Item Id,Type,Resource Id,Name,Decision,Decided By,Decided At,Automatic,Note,Remediation Status,Remediation Time",
            lines[0]);
        Assert.Equal(7, lines.Length);
        var decided = $"REVOKE_ACCESS,{TestInventory.ReviewerA},2026-01-05T09:00:00.000Z,false,,,";
        Assert.Contains($"{aws.Id},,APPLICATION,{Aws},AWS Console,{decided}", lines);
        Assert.Equal(2, lines.Count(l => l.Contains($",{aws.Id},", StringComparison.Ordinal) && l.EndsWith(decided, StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.EndsWith(",0oaslack000000000001,Slack,UNDECIDED,,,,,,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_UnknownReviewOrAnotherReviewsExport_Returns404()
    {
        using var host = new ApiHost();
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var first = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        var second = (await CreateAsync(admin, Body(principal: TestInventory.Target2))).GetProperty("id").GetString()!;
        var exportId = (await (await admin.PostAsync($"{Admin}/{first}/exports", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var unknown = await admin.PostAsync($"{Admin}/sar0000000000000000x/exports", null);
        var crossed = await admin.GetAsync($"{Admin}/{second}/exports/{exportId}");
        var reviewer = await host.As(TestInventory.ReviewerA).PostAsync($"{Admin}/{first}/exports", null);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (unknown.StatusCode, crossed.StatusCode, reviewer.StatusCode));
        Assert.Equal("E0000007", (await crossed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
    }
}
