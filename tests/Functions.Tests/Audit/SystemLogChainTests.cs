using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Storage.Logs;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using AccessReviewFunctions.Functions.Tests.Reviews;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Audit;

/// <summary>The log table: time buckets, paging across them, and the hash chains that verify recomputes.</summary>
public sealed class SystemLogChainTests
{
    private const string Logs = "/api/v1/logs";
    private const string Since = "2026-01-01T00:00:00Z";

    [Fact]
    public async Task Verify_StoredEventEdited_ReportsTheEditedEntry()
    {
        using var host = new ApiHost();
        var admin = await ThreeHoursOfEventsAsync(host);
        Assert.True((await VerifyAsync(admin)).GetProperty("intact").GetBoolean());
        var table = LogTable(host);
        var victim = await EntriesAsync(table).ContinueWith(t => t.Result.First(e => e.GetString("EventType") == AuditTypes.Action), TaskScheduler.Default);

        victim["Json"] = victim.GetString("Json").Replace("REVOKE_ACCESS", "RESTORE_ACCESS", StringComparison.Ordinal);
        await table.UpdateEntityAsync(victim, ETag.All, TableUpdateMode.Replace);

        var verify = await VerifyAsync(admin);
        Assert.False(verify.GetProperty("intact").GetBoolean());
        var broken = verify.GetProperty("firstBreak");
        Assert.Equal((victim.PartitionKey, victim.RowKey, "entry was changed after it was written"),
            (broken.GetProperty("bucket").GetString(), broken.GetProperty("key").GetString(), broken.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Verify_StoredEventDeleted_ReportsTheGap()
    {
        using var host = new ApiHost();
        var admin = await ThreeHoursOfEventsAsync(host);
        var table = LogTable(host);
        var first = (await EntriesAsync(table)).OrderBy(e => e.PartitionKey, StringComparer.Ordinal).ThenBy(e => e.GetInt64("Seq")).First();

        await table.DeleteEntityAsync(first.PartitionKey, first.RowKey);

        var broken = (await VerifyAsync(admin)).GetProperty("firstBreak");
        Assert.Equal((first.PartitionKey, 1L, "entry 1 is missing"),
            (broken.GetProperty("bucket").GetString(), broken.GetProperty("sequence").GetInt64(), broken.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Verify_LastEventOfBucketDeleted_HeadDisagrees()
    {
        using var host = new ApiHost();
        var admin = await ThreeHoursOfEventsAsync(host);
        var table = LogTable(host);
        var last = (await EntriesAsync(table)).OrderBy(e => e.PartitionKey, StringComparer.Ordinal).ThenBy(e => e.GetInt64("Seq")).Last();

        await table.DeleteEntityAsync(last.PartitionKey, last.RowKey);

        var broken = (await VerifyAsync(admin)).GetProperty("firstBreak");
        Assert.Equal(last.PartitionKey, broken.GetProperty("bucket").GetString());
        Assert.StartsWith($"entry {last.GetInt64("Seq")} is missing", broken.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_EventsInThreeBuckets_PagesAcrossBucketsInOrder()
    {
        using var host = new ApiHost();
        var admin = await ThreeHoursOfEventsAsync(host);
        var until = Uri.EscapeDataString(host.Clock.GetUtcNow().AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture));

        var verify = await VerifyAsync(admin);
        Assert.Equal((3, 4L), (verify.GetProperty("buckets").GetInt32(), verify.GetProperty("entries").GetInt64()));
        foreach (var (order, expected) in new[]
        {
            ("ASCENDING", new[] { "access.review.create", "access.review.start", "access.review.action", "access.review.close" }),
            ("DESCENDING", new[] { "access.review.close", "access.review.action", "access.review.start", "access.review.create" }),
        })
        {
            var seen = new List<string>();
            string? next = $"{Logs}?since={Since}&until={until}&limit=1&sortOrder={order}";
            while (next is not null)
            {
                var response = await admin.GetAsync(next);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                seen.AddRange((await response.Content.ReadFromJsonAsync<List<JsonElement>>())!.Select(e => e.GetProperty("eventType").GetString()!));
                next = ReadApi.LinkHeader(response, "next");
            }

            Assert.Equal(expected, seen);
        }
    }

    [Fact]
    public async Task Append_SameEntriesTwice_StoredOnceChainIntact()
    {
        using var host = new ApiHost();
        var admin = await ThreeHoursOfEventsAsync(host);
        var log = host.Services.GetRequiredService<IAuditLog>();
        var stored = new List<StoredAuditEvent>();
        await foreach (var e in log.ReadAsync(DateTimeOffset.Parse(Since, System.Globalization.CultureInfo.InvariantCulture), host.Clock.GetUtcNow().AddHours(1), null, false, CancellationToken.None))
        {
            stored.Add(e);
        }

        var again = stored.Select(s => new LogEntry(s.Event, s.RowKey[20..])).ToList();
        await log.AppendAsync(again, CancellationToken.None);

        var verify = await VerifyAsync(admin);
        Assert.Equal((true, 4L), (verify.GetProperty("intact").GetBoolean(), verify.GetProperty("entries").GetInt64()));
    }

    /// <summary>A review created and started, decided an hour later, closed an hour after that: four events in three hour buckets.</summary>
    private static async Task<HttpClient> ThreeHoursOfEventsAsync(ApiHost host)
    {
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        var itemId = (await AccessesApi.ItemsAsync(admin, id))[0].Id;
        host.Clock.Advance(TimeSpan.FromHours(1));
        var decided = await host.As(TestInventory.ReviewerA).PostAsJsonAsync($"{My}/{id}/accesses/{itemId}/actions", new { type = "REVOKE_ACCESS" });
        Assert.Equal(HttpStatusCode.Accepted, decided.StatusCode);
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsJsonAsync($"{Admin}/{id}/actions", new { actionType = "CLOSE_REVIEW" })).StatusCode);
        await host.Services.QuietAsync();
        return admin;
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient admin)
    {
        var response = await admin.GetAsync($"{Logs}/verify?since={Since}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static TableClient LogTable(ApiHost host) => new TableServiceClient(TestStorage.ConnectionString).GetTableClient(host.Prefix + TableSystemLog.Table);

    private static async Task<List<TableEntity>> EntriesAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.RowKey != TableSystemLog.HeadKey))
        {
            rows.Add(row);
        }

        return rows;
    }
}
