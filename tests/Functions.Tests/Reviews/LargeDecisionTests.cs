using System.Net;
using System.Net.Http.Json;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReadApi;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

/// <summary>A decision that changes more rows than one transaction holds, racing another writer.</summary>
public sealed class LargeDecisionTests
{
    private const string App = "0oabigapp00000000001";
    private const int Groups = 120;

    [Fact]
    public async Task Revoke_ItemWith120SubItems_LosesTheETagRaceOnce_AppliedOnceWithHistoryAndAudit()
    {
        var race = new HeaderRace();
        using var host = new ApiHost(services: s => s.Decorate<IPartitionStores>((inner, _) => race.Wrap(inner)));
        var (admin, reviewer, id, item) = await ActiveReviewOfBigAppAsync(host);

        race.Arm();
        var response = await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{item}/actions", new { type = "REVOKE_ACCESS" });

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(1, race.Raced);
        var subs = await AllPagesAsync(reviewer, $"{My}/{id}/accesses/{item}/sub-accesses?limit=200");
        Assert.Equal(Groups, subs.Ids.Count);
        var decisions = (await GetAsync(reviewer, $"{My}/{id}/accesses/{item}/sub-accesses?limit=200")).GetProperty("data").EnumerateArray()
            .Select(s => s.GetProperty("decision").GetString()).Distinct();
        Assert.Equal(["REVOKE_ACCESS"], decisions);
        Assert.Single(await HistoryAsync(admin, id), m => m.StartsWith("revoked access to Big App", StringComparison.Ordinal));
        var actions = await GetAsync(admin, $"/api/v1/logs?since=2026-01-01T00:00:00Z&filter={Q("eventType eq \"access.review.action\"")}");
        Assert.Single(actions.EnumerateArray());
        // The API reads through the pending decision on the header; only the stored rows show the work item wrote it.
        await Eventually.GetAsync(() => host.Services.StoredAccessAsync(id), rows => rows.SubItems.All(s => s.Revoked) && rows.Items.All(i => i.Revoked), what: "the pending rows to be written");
        var review = await GetAsync(admin, $"{Admin}/{id}");
        Assert.Equal(["CLOSE_REVIEW", "RESTORE_ALL_ACCESS", "UNIVERSAL_LOGOUT"], (await GetAsync(admin, $"{Admin}/{id}/actions")).GetProperty("data").EnumerateArray().Select(a => a.GetProperty("actionType").GetString()));
        Assert.Equal("ACTIVE", review.GetProperty("status").GetString());
    }

    [Fact]
    public async Task RestoreAll_ThenRevokeOneSubItemAtOnce_BothStand()
    {
        using var host = new ApiHost();
        var (admin, reviewer, id, item) = await ActiveReviewOfBigAppAsync(host);
        Assert.True((await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{item}/actions", new { type = "REVOKE_ACCESS" })).IsSuccessStatusCode);

        Assert.True((await reviewer.PostAsJsonAsync($"{My}/{id}/actions", new { actionType = "RESTORE_ALL_ACCESS" })).IsSuccessStatusCode);
        var sub = (await AllPagesAsync(reviewer, $"{My}/{id}/accesses/{item}/sub-accesses?limit=200")).Ids[7];
        var revoke = await reviewer.PostAsJsonAsync($"{My}/{id}/accesses/{sub}/actions", new { type = "REVOKE_ACCESS" });

        Assert.True(revoke.IsSuccessStatusCode, $"{(int)revoke.StatusCode} {await revoke.Content.ReadAsStringAsync()}");
        var items = await AccessesApi.ItemsAsync(reviewer, id, My);
        var subs = await AccessesApi.SubItemsAsync(reviewer, id, item, My);
        Assert.Equal([sub], subs.Where(s => s.Revoked).Select(s => s.Id));
        Assert.Equal("RESTORE_ACCESS", items.Single().Decision);
        var shown = items.Concat(subs).Select(a => (a.Id, a.Decision, a.DecidedBy)).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();

        // The API reads through the pending restore on the header; only the stored rows show the work item wrote it.
        await Eventually.GetAsync(
            () => host.Services.StoredAccessAsync(id),
            stored => stored.Items.Select(i => (i.Id, i.Decision?.Decision.ToString(), i.Decision?.DecidedBy))
                .Concat(stored.SubItems.Select(s => (s.Id, s.Decision?.Decision.ToString(), s.Decision?.DecidedBy)))
                .OrderBy(a => a.Id, StringComparer.Ordinal).SequenceEqual(shown),
            what: "the stored rows to read as the API shows them");
    }

    /// <summary>An ACTIVE review of the target's one app, Big App, with its 120 groups; reviewed by Rita.</summary>
    private static async Task<(HttpClient Admin, HttpClient Reviewer, string Id, string Item)> ActiveReviewOfBigAppAsync(ApiHost host)
    {
        var admin = host.AsAdmin();
        await ImportBigAppAsync(admin);
        var id = (await CreateAsync(admin, Body(reviewers: [TestInventory.ReviewerA]))).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        var reviewer = host.As(TestInventory.ReviewerA);
        return (admin, reviewer, id, Ids(await GetAsync(reviewer, $"{My}/{id}/accesses")).Single());
    }

    private static async Task ImportBigAppAsync(HttpClient admin)
    {
        var groups = Enumerable.Range(0, Groups).Select(i => new { id = $"00gbig{i:D14}", appId = App, name = $"Group {i:D3}", description = "A group" }).ToArray();
        var created = "2024-01-02T03:04:05Z";
        object User(string id, string first) => new
        {
            id, login = $"{first.ToLowerInvariant()}@example.com", email = $"{first.ToLowerInvariant()}@example.com", firstName = first, lastName = "Test",
            status = "ACTIVE", created, adminRoles = Array.Empty<string>(),
        };
        var document = new
        {
            users = new[] { User(TestInventory.Target, "Tara"), User(TestInventory.ReviewerA, "Rita"), User(TestInventory.Admin, "Ada") },
            applications = new[] { new { id = App, name = "bigapp", label = "Big App", governanceLabels = Array.Empty<string>() } },
            groups,
            grants = new[]
            {
                new
                {
                    principalId = TestInventory.Target, appId = App, assignmentType = "GROUP", assignedDate = created, groupIds = groups.Select(g => g.id).ToArray(),
                    entitlementValueIds = Array.Empty<string>(), bundleIds = Array.Empty<string>(), accessCount90Days = 1,
                },
            },
        };
        var response = await admin.PostAsJsonAsync("/api/v1/inventory/import", document);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Once armed, lets another writer change the header just before the next review commit: that commit gets 412.</summary>
    private sealed class HeaderRace
    {
        private int armed;
        private int raced;

        public int Raced => Volatile.Read(ref raced);

        public void Arm() => Volatile.Write(ref armed, 1);

        public IPartitionStores Wrap(IPartitionStores inner) => PartitionStoreDecorator.Around(inner, store => new Racing(store, this));

        private sealed class Racing(IPartitionStore inner, HeaderRace race) : PartitionStoreDecorator(inner)
        {
            public override async Task<IReadOnlyList<string>> WriteAtomicallyAsync(IReadOnlyList<RowChange> changes, CancellationToken cancellationToken)
            {
                if (changes[0] is { Write: RowWrite.Replace } header && header.Row.RowKey == DurableRows.Header(header.Row.PartitionKey) && Interlocked.Exchange(ref race.armed, 0) == 1)
                {
                    // Another writer rewrites the stored header: same content, new ETag.
                    var stored = await Inner.GetAsync(header.Row.PartitionKey, header.Row.RowKey, cancellationToken);
                    await Inner.WriteAtomicallyAsync([new RowChange(stored! with { ETag = null }, RowWrite.Upsert)], cancellationToken);
                    Interlocked.Increment(ref race.raced);
                }

                return await Inner.WriteAtomicallyAsync(changes, cancellationToken);
            }
        }
    }
}
