using System.Net;
using System.Net.Http.Json;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

/// <summary>A change made over HTTP answers once it is stored; its messages follow in the background.</summary>
public sealed class OutboxInBackgroundTests
{
    /// <summary>Only the background send can deliver: the outbox job never runs.</summary>
    private static readonly Dictionary<string, string?> NoOutboxJob = new() { [ApiHost.OutboxSchedule] = ApiHost.Never };

    [Fact]
    public async Task Create_QueueSendHangs_AnswersAtOnceAndGathersWhenTheSendGoesThrough()
    {
        var outbox = new FlakyOutbox();
        using var host = Host(outbox);
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        outbox.Hold();

        // The send waits, yet the create answers: the review and its outbox are stored.
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        Assert.Equal(0, outbox.Sent);
        Assert.True(host.Services.Activity().Outbox.InFlight >= 1);
        Assert.Equal("PENDING", (await GetAsync(admin, $"{Admin}/{id}")).GetProperty("status").GetString());

        outbox.Release();
        await WaitForStatusAsync(admin, id, "ACTIVE");
        Assert.Equal(0, host.Services.Activity().Outbox.InFlight);
    }

    [Fact]
    public async Task Create_FirstSendFails_TriedAgainInSecondsWithoutTheOutboxJob()
    {
        var outbox = new FlakyOutbox();
        using var host = Host(outbox);
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        outbox.FailNext(2);

        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;

        await WaitForStatusAsync(admin, id, "ACTIVE");
        Assert.Equal(2, outbox.Failures);
        await host.Services.QuietAsync();
        Assert.Equal(1, host.Services.Activity().Queue(ReviewQueues.Work).Received);
    }

    [Fact]
    public async Task ManyComments_SendsHeld_AtMost24SendAtOnceAndTheRestFollow()
    {
        var outbox = new FlakyOutbox();
        using var host = Host(outbox);
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");
        await host.Services.QuietAsync();
        var (inFlight, sent) = (host.Services.Activity().Outbox.InFlight, outbox.Sent);
        outbox.Hold();

        // Each comment answers and leaves its System Log message to a background send.
        var reviewer = host.As(TestInventory.ReviewerA);
        var comments = OutboxInBackground.MaxConcurrentSends + 6;
        for (var i = 0; i < comments; i++)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await reviewer.PostAsJsonAsync($"{My}/{id}/comment", new { comment = $"note {i}" })).StatusCode);
        }

        // 24 sends wait at the queue, the other 6 for a turn.
        await Eventually.WaitAsync(() => outbox.Waiting.Now >= OutboxInBackground.MaxConcurrentSends);
        Assert.Equal(inFlight + comments, host.Services.Activity().Outbox.InFlight);
        outbox.Release();
        await Eventually.WaitAsync(() => outbox.Sent == sent + comments);
        Assert.Equal(OutboxInBackground.MaxConcurrentSends, outbox.Waiting.Most);
    }

    /// <summary>A host whose outbox sends go through <paramref name="outbox"/>, with the outbox job off.</summary>
    private static ApiHost Host(FlakyOutbox outbox) => new(NoOutboxJob, services: s => s.Decorate<IOutboxDispatcher>((inner, _) => outbox.Wrap(inner)));
}
