using System.Net.Http.Json;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

/// <summary>
/// End timers are armed within a horizon (1 hour by default): a review ending later gets no timer at create, and the
/// end-timer job arms it once its end comes within half the horizon. The sweeper never runs here, so only that timer
/// can close the review.
/// </summary>
public sealed class EndTimerHorizonTests
{
    private static readonly Dictionary<string, string?> TimerOnly = new()
    {
        [ApiHost.SweeperSchedule] = ApiHost.Never,
        ["Runtime:MaxTimerHop"] = "00:00:00.500",
    };

    private const string Job = "end-timers";

    [Fact]
    public async Task EndBeyondTheHorizon_NoTimerAtCreate_TheJobArmsItOnceWhenNear_ItClosesTheReview()
    {
        var sent = new SentMessages();
        using var host = new ApiHost(TimerOnly, services: sent.Record);
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var endTime = host.Clock.GetUtcNow().AddDays(3);
        var id = (await CreateAsync(admin, Body(endTime: endTime.ToString("O")))).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        await host.Services.QuietAsync();
        Assert.Empty(sent.Of<ReviewEndTimer>());

        // 20 minutes before the end: within the job's reach (half of the hour), so its next pass arms the timer.
        host.Clock.Advance(endTime - host.Clock.GetUtcNow() - TimeSpan.FromMinutes(20));
        await Eventually.GetAsync(() => Task.FromResult(sent.Of<ReviewEndTimer>().Count), count => count > 0, what: "the end-timer job to arm the timer");
        Assert.Equal((id, endTime, 0), sent.Of<ReviewEndTimer>().Select(t => (t.ReviewId, t.DueAt, t.Hop)).First());
        Assert.Equal("ACTIVE", (await GetAsync(admin, $"{Admin}/{id}")).GetProperty("status").GetString());

        // The job's next pass starts from its mark: the review it armed is not armed again.
        var passes = host.Services.Activity().Timer(Job).Runs;
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.GetAsync(() => Task.FromResult(host.Services.Activity().Timer(Job).Runs), runs => runs > passes, what: "the job's next pass");
        Assert.Single(sent.Of<ReviewEndTimer>(), t => t.Hop == 0);

        host.Clock.Advance(TimeSpan.FromMinutes(19));
        await WaitForStatusAsync(admin, id, "CLOSED");
        Assert.Equal("closed the review: the end time was reached", (await HistoryAsync(admin, id))[^1]);
        await host.Services.QuietAsync();
        Assert.Single(sent.Of<ReviewEndTimer>(), t => t.Hop == 0);
        Assert.Equal(0, host.Services.Activity().Timer("sweeper").Runs);
    }

    [Fact]
    public async Task EndMovedWithinTheHorizon_ArmedByTheUpdate_ClosesAtTheNewEnd()
    {
        var sent = new SentMessages();
        using var host = new ApiHost(new Dictionary<string, string?>(TimerOnly) { ["Reviews:MinDuration"] = "00:00:01" }, services: sent.Record);
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        var newEnd = host.Clock.GetUtcNow().AddMinutes(10);

        var patched = await admin.PatchAsJsonAsync($"{Admin}/{id}", new { endTime = newEnd });

        patched.EnsureSuccessStatusCode();
        // The update's outbox is sent after its answer; the timer then hops every 0.5 s, so the host is never quiet.
        await Eventually.GetAsync(() => Task.FromResult(sent.Of<ReviewEndTimer>().Count), count => count > 0, what: "the update to arm the timer");
        Assert.Equal((id, newEnd, 0), sent.Of<ReviewEndTimer>().Select(t => (t.ReviewId, t.DueAt, t.Hop)).First());
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await WaitForStatusAsync(admin, id, "CLOSED");
        Assert.Equal(0, host.Services.Activity().Timer("sweeper").Runs);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-01:00:00")]
    public void Horizon_NotPositive_FailsTheStartNamingTheSetting(string length)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [EndTimerHorizon.Setting] = length }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => { _ = EndTimerHorizon.From(configuration); });

        Assert.Contains(EndTimerHorizon.Setting, error.Message, StringComparison.Ordinal);
    }
}
