using System.Net;
using System.Net.Http.Json;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using AccessReviewFunctions.Functions.Tests.Reviews;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Audit.SystemLogOriginTests;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Audit;

/// <summary>
/// A decision made over HTTP feeds the System Log in the answering process, after the answer: no feed message on the
/// queue. When that fails, the feed message goes to the queue as before and the entry is still logged once.
/// </summary>
public sealed class SystemLogInProcessTests
{
    [Fact]
    public async Task Decisions_OverHttp_LoggedWithoutAFeedMessageOnTheQueue()
    {
        var sent = new SentMessages();
        using var host = new ApiHost(services: sent.Record);
        var (admin, id, items) = await StartAsync(host);
        var (queued, handled) = (sent.Of<AppendReviewLog>().Count, host.Services.Activity().Outbox.HandledInProcess);

        foreach (var item in items.Take(3))
        {
            await RevokeAsync(host, id, item.Id);
        }

        await host.Services.QuietAsync();
        Assert.Equal(queued, sent.Of<AppendReviewLog>().Count);
        Assert.Equal(handled + 3, host.Services.Activity().Outbox.HandledInProcess);
        Assert.Equal(3, (await ActionsAsync(admin, id)).Count);
    }

    [Fact]
    public async Task Decision_InProcessFeedFails_SentToTheQueueAndLoggedOnce()
    {
        var sent = new SentMessages();
        var failing = new FailNextAppend();
        using var host = new ApiHost(services: s =>
        {
            sent.Record(s);
            s.Decorate<IMessageHandler<AppendReviewLog>>((inner, _) => failing.Wrap(inner));
        });
        var (admin, id, items) = await StartAsync(host);
        var (queued, handled) = (sent.Of<AppendReviewLog>().Count, host.Services.Activity().Outbox.HandledInProcess);
        failing.Arm();

        await RevokeAsync(host, id, items[0].Id);

        await host.Services.QuietAsync();
        Assert.Equal(1, failing.Failed);
        Assert.Equal(queued + 1, sent.Of<AppendReviewLog>().Count);
        Assert.Equal(handled, host.Services.Activity().Outbox.HandledInProcess);
        Assert.Single(await ActionsAsync(admin, id));
    }

    private static async Task<(HttpClient Admin, string Id, List<AccessesApi.Access> Items)> StartAsync(ApiHost host)
    {
        await TestInventory.ImportAsync(host);
        var admin = host.AsAdmin();
        var id = await CreateActiveAsync(admin);
        var items = await AccessesApi.ItemsAsync(admin, id);
        await host.Services.QuietAsync();
        return (admin, id, items);
    }

    private static Task<List<System.Text.Json.JsonElement>> ActionsAsync(HttpClient admin, string id) =>
        LogsAsync(admin, "filter=" + Uri.EscapeDataString($"eventType eq \"access.review.action\" and target.id eq \"{id}\""));

    /// <summary>Once armed, the next System Log feed handled (wherever it runs) throws; the ones after it pass.</summary>
    private sealed class FailNextAppend
    {
        private int armed;
        private int failed;

        public int Failed => Volatile.Read(ref failed);

        public void Arm() => Volatile.Write(ref armed, 1);

        public IMessageHandler<AppendReviewLog> Wrap(IMessageHandler<AppendReviewLog> inner) => new Handler(inner, this);

        private sealed class Handler(IMessageHandler<AppendReviewLog> inner, FailNextAppend owner) : IMessageHandler<AppendReviewLog>
        {
            public Task HandleAsync(AppendReviewLog message, MessageContext context, CancellationToken cancellationToken)
            {
                if (Interlocked.Exchange(ref owner.armed, 0) == 1)
                {
                    Interlocked.Increment(ref owner.failed);
                    throw new InvalidOperationException("System Log append failed");
                }

                return inner.HandleAsync(message, context, cancellationToken);
            }
        }
    }
}
