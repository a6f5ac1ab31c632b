using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Storage;
using AccessReviewFunctions.Functions.Storage.Reports;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Reports.OpaApi;

namespace AccessReviewFunctions.Functions.Tests.Reports;

public sealed class ReportGenerationTests
{
    /// <summary>One row per part and per page, and a crashed host's message visible again after two seconds.</summary>
    private static Dictionary<string, string?> RowByRow() => new()
    {
        ["Reports:PartRows"] = "1",
        ["Reports:PageRows"] = "1",
        ["Runtime:MessageLease"] = "00:00:02",
    };

    [Fact]
    public async Task Generation_HostCrashesAfterTwoParts_NextHostResumesAfterThemAndFinishes()
    {
        ServerInventoryProbe? first = null, second = null;
        string id, prefix;
        using (var crashing = new ApiHost(RowByRow(), services: s => s.Decorate<IServerInventory>((inner, _) => first = new ServerInventoryProbe(inner, hangOnRead: 3))))
        {
            prefix = crashing.Prefix;
            await ImportAsync(crashing);
            var opa = SecurityAdmin(crashing);
            id = (await CreateAsync(opa, new { user_id = TestInventory.Target })).GetProperty("id").GetString()!;
            await first!.Hanging.WaitAsync(TimeSpan.FromSeconds(20));
            var running = await GetAsync(opa, id);
            Assert.Equal(("IN_PROGRESS", 2L), (running.GetProperty("status").GetString(), running.GetProperty("rows_written").GetInt64()));
            Assert.False(running.TryGetProperty("total_rows", out _));
        }

        using var next = new ApiHost(new Dictionary<string, string?>(RowByRow()) { ["Storage:Prefix"] = prefix }, services: s => s.Decorate<IServerInventory>((inner, _) => second = new ServerInventoryProbe(inner)));
        var client = SecurityAdmin(next);
        var done = await WaitForStatusAsync(client, id, "COMPLETED");

        Assert.Equal((3L, 3L), (done.GetProperty("rows_written").GetInt64(), done.GetProperty("total_rows").GetInt64()));
        Assert.Equal(TargetReport, await DownloadAsync(client, id));
        // The first host read from the start, recorded two rows and hung reading the third; the second host read from
        // the cursor after the second row (the third row, then the empty end), never from the start.
        Assert.Equal([null, $"{Web}:root:user", $"{Web}:~:admin"], first.Reads);
        Assert.Equal([$"{Web}:~:admin", $"{Quoted}:~:user"], second!.Reads);
    }

    [Fact]
    public async Task Generation_SourceFailsEveryTime_ReportIsErrorWithTheReason()
    {
        using var host = new ApiHost(
            new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2" },
            services: s => s.Decorate<IServerInventory>((inner, _) => new ServerInventoryProbe(inner, failWith: "inventory unavailable")));
        await ImportAsync(host);
        var opa = SecurityAdmin(host);

        var report = await GenerateAsync(opa, new { user_id = TestInventory.Target }, "ERROR");
        var download = await opa.GetAsync($"{ReportsPath}/{report.GetProperty("id").GetString()}/download");

        Assert.Equal("InvalidOperationException: inventory unavailable", report.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Conflict, download.StatusCode);
    }

    [Fact]
    public async Task RetentionJob_ReportOlderThanTheRetention_DeletesReportAndFiles()
    {
        using var host = new ApiHost(new Dictionary<string, string?> { ["Reports:Retention"] = "1.00:00:00", ["Reports:PartRows"] = "2" });
        await ImportAsync(host);
        var opa = SecurityAdmin(host);
        var old = (await GenerateAsync(opa, new { user_id = TestInventory.Target })).GetProperty("id").GetString()!;
        host.Clock.Advance(TimeSpan.FromHours(12));
        var young = (await GenerateAsync(opa, new { user_id = TestInventory.ReviewerA })).GetProperty("id").GetString()!;
        Assert.Equal([$"{old}/", $"{old}/", $"{young}/"], await BlobFoldersAsync(host));

        host.Clock.Advance(TimeSpan.FromHours(13));

        await Eventually.GetAsync(() => opa.GetAsync($"{ReportsPath}/{old}"), r => r.StatusCode == HttpStatusCode.NotFound, what: "the old report to be deleted");
        await host.Services.QuietAsync();
        Assert.Equal([$"{young}/"], await BlobFoldersAsync(host));
        var list = await (await opa.GetAsync(ReportsPath)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([young], list.GetProperty("list").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    private static async Task<List<string>> BlobFoldersAsync(ApiHost host)
    {
        var container = await host.Services.GetRequiredService<StorageResources>().ContainerAsync(BlobReportFiles.ContainerName, CancellationToken.None);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, null, CancellationToken.None))
        {
            names.Add(blob.Name[..(blob.Name.IndexOf('/', StringComparison.Ordinal) + 1)]);
        }

        return names;
    }
}
