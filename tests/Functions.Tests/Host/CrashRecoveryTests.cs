using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Storage;
using AccessReviewFunctions.Functions.Storage.Reviews;
using AccessReviewFunctions.Functions.Storage.Tables;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using AccessReviewFunctions.Functions.Tests.Reviews;
using Azure.Data.Tables;
using Xunit.Abstractions;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Host;

/// <summary>
/// <c>kill -9</c> of the host in the middle of work, then a restart over the same storage: every review moves on within
/// 30 s of the restart (the lease of what the dead host held lapses within Runtime:MessageLease; the sweeper re-sends
/// what is PENDING or owed longer than Reviews:SweeperGrace). Real processes on the real clock.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(30);
    private static readonly string[] Principals = [TestInventory.Target, TestInventory.Target2, TestInventory.Target3];
    private static readonly Dictionary<string, string> Settings = new() { ["Reviews__MaxOpenReviewsPerPrincipal"] = "1000", ["Reviews__MinDuration"] = "00:00:01" };

    [Fact]
    public async Task Kill_DuringGathering_EveryReviewActiveWithin30SecondsOfRestart()
    {
        // A fast machine may gather everything before the kill lands: try again (new storage) until the kill finds work.
        string prefix;
        List<(string Id, string Status)> atKill;
        var attempts = 0;
        do
        {
            prefix = "k" + Guid.NewGuid().ToString("N")[..10];
            atKill = await CreateThenKillAsync(prefix);
        }
        while (!atKill.Any(h => h.Status == "PENDING") && ++attempts < 5);

        var pendingAtKill = atKill.Count(h => h.Status == "PENDING");
        Assert.True(pendingAtKill > 0, "every kill came after every review was gathered: nothing to recover");
        // The 30 s run from when the restarted host answers: starting a process on a loaded machine is not recovery.
        using var second = await HostProcess.StartAsync(prefix, Settings);
        var clock = Stopwatch.StartNew();
        var again = await second.AsAsync(TestInventory.Admin, "SUPER_ADMIN");

        await Eventually.GetAsync(() => HeadersAsync(prefix), all => all.All(h => h.Status == "ACTIVE"), Target - clock.Elapsed, "every review to be ACTIVE (id, status)");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pendingAtKill} of {atKill.Count} PENDING at the kill; all ACTIVE {clock.Elapsed.TotalSeconds:F1} s after the restarted host answered"));
        foreach (var (id, _) in atKill)
        {
            Assert.Single(await HistoryAsync(again, id), m => m.StartsWith("gathered ", StringComparison.Ordinal));
        }
    }

    /// <summary>Creates keep coming, two writers per principal, until the host dies under them after 15 answers.</summary>
    private static async Task<List<(string Id, string Status)>> CreateThenKillAsync(string prefix)
    {
        using var first = await HostProcess.StartAsync(prefix, Settings);
        var admin = await first.AsAsync(TestInventory.Admin, "SUPER_ADMIN");
        await TestInventory.ImportAsync(admin);
        var created = 0;
        using var stop = new CancellationTokenSource();
        var creating = Principals.Concat(Principals).Select(p => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await admin.PostAsJsonAsync(Admin, Body(principal: p), stop.Token);
                Interlocked.Increment(ref created);
            }
        })).ToList();
        await Eventually.WaitAsync(() => Volatile.Read(ref created) >= 15, TimeSpan.FromSeconds(60));
        first.Kill();
        await stop.CancelAsync();
        await Task.WhenAll(creating.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        return await HeadersAsync(prefix);
    }

    [Fact]
    public async Task Kill_AtTheEndTime_EveryReviewClosedWithItsRejectionsWithin30SecondsOfRestart()
    {
        var prefix = "k" + Guid.NewGuid().ToString("N")[..10];
        var endTime = DateTimeOffset.MaxValue;
        object Expiring(string principal) => new
        {
            principalId = principal, name = "Expiring", endTime = endTime.ToString("O"), expirationBehavior = "AUTO_REJECT_INCOMPLETE",
            reviewerSettings = new { type = "USER", userSettings = new { includedUserIds = new[] { TestInventory.ReviewerA } } },
        };
        List<string> ids;
        using (var first = await HostProcess.StartAsync(prefix, Settings))
        {
            var admin = await first.AsAsync(TestInventory.Admin, "SUPER_ADMIN");
            await TestInventory.ImportAsync(admin);

            // Late enough for the creates and their gathering on a loaded machine, early enough to wait for.
            endTime = DateTimeOffset.UtcNow.AddSeconds(30);
            ids = [];
            for (var i = 0; i < 12; i++)
            {
                ids.Add((await CreateAsync(admin, Expiring(TestInventory.Target))).GetProperty("id").GetString()!);
            }

            await Eventually.GetAsync(() => HeadersAsync(prefix), all => all.All(h => h.Status == "ACTIVE"), endTime - DateTimeOffset.UtcNow, "every review to be ACTIVE before its end time");

            // The end timers become visible at the end time; the host takes them and dies holding some.
            await Eventually.GetAsync(() => HeadersAsync(prefix), all => all.Any(h => h.Status == "CLOSED"), TimeSpan.FromSeconds(40), "the first close");
            first.Kill();
        }

        var openAtKill = (await HeadersAsync(prefix)).Count(h => h.Status != "CLOSED");
        // The 30 s run from when the restarted host answers: starting a process on a loaded machine is not recovery.
        using var second = await HostProcess.StartAsync(prefix, Settings);
        var clock = Stopwatch.StartNew();
        var again = await second.AsAsync(TestInventory.Admin, "SUPER_ADMIN");

        await Eventually.GetAsync(() => HeadersAsync(prefix), all => all.All(h => h.Status == "CLOSED"), Target - clock.Elapsed, "every review to be CLOSED");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{openAtKill} of {ids.Count} still open at the kill; all CLOSED {clock.Elapsed.TotalSeconds:F1} s after the restarted host answered"));
        foreach (var id in ids)
        {
            Assert.All(await AccessesApi.ItemsAsync(again, id), i => Assert.Equal(("REVOKE_ACCESS", "system", true), (i.Decision, i.DecidedBy, i.Automatic)));
            Assert.Single(await HistoryAsync(again, id), m => m.StartsWith("automatically revoked ", StringComparison.Ordinal));
        }
    }

    /// <summary>Every review's id and status, read from the headers in storage (no host needed).</summary>
    private static async Task<List<(string Id, string Status)>> HeadersAsync(string prefix)
    {
        var table = new TableClient(TestStorage.ConnectionString, new StorageNames(prefix).Table(ReviewTables.Reviews));
        var filter = TableRows.RowPrefix(DurableRows.AnyHeader);
        var headers = new List<(string, string)>();
        await foreach (var header in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", ReviewSchema.Status]))
        {
            headers.Add((header.PartitionKey, header.GetString(ReviewSchema.Status)));
        }

        return headers;
    }
}
