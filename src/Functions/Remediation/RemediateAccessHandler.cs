using System.Diagnostics.CodeAnalysis;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using AccessReviewFunctions.Functions.Remediation.Connectors;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime;
using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Remediation;

/// <summary>
/// A remediation work item: calls the connectors for the targets still waiting for this attempt, then records every
/// outcome in the review's partition (item rows, header counts, System Log entries, retries and report timeouts as
/// delayed messages, and this message's id) in one commit, before the message is acknowledged. A redelivery finds
/// the attempt recorded and calls nothing; a copy sent twice and running at the same time finds the other copy's claim
/// and calls nothing; a crash before the commit repeats the calls with the same idempotency keys.
/// </summary>
internal sealed partial class RemediateAccessHandler(
    IReviewStore store, ReviewUpdater updater, RemediationRecorder recorder, RemediationConnectors connectors, IOptions<RemediationOptions> options,
    TimeProvider clock, ILogger<RemediateAccessHandler> logger)
    : IMessageHandler<RemediateAccess>, IMessageHandler<RemediationReportTimeout>, IMessageHandler<RemediateLogout>
{
    public async Task HandleAsync(RemediateAccess message, MessageContext context, CancellationToken cancellationToken)
    {
        if (await updater.WasProcessedAsync(message.ReviewId, message.MessageId, cancellationToken) || await store.GetAsync(message.ReviewId, cancellationToken) is not { } loaded)
        {
            // Processed: the commit stands; whatever it sent is the outbox's (a failed dispatch is retried by the outbox job).
            return;
        }

        var rows = await recorder.RowsAsync(message.ReviewId, loaded.ETag, message.Targets, cancellationToken);
        var due = message.Targets.Where(t => Due(rows, t, message.Attempt)).ToList();
        if (due.Count == 0 || !await updater.TryClaimAsync(message.ReviewId, message.MessageId, context, cancellationToken))
        {
            // Nothing left, or another copy of this work item (sent twice) is calling the connectors right now.
            return;
        }

        var attempts = await CallAsync(loaded.Review, rows, due, cancellationToken);
        await recorder.RecordAsync(message.ReviewId, message.Targets, attempts, message.MessageId, reported: false, (loaded.ETag, rows), message.Attempt, cancellationToken);
    }

    /// <summary>The review's logout: one call to the default connector, its outcome (and a retry) recorded on the header.</summary>
    public async Task HandleAsync(RemediateLogout message, MessageContext context, CancellationToken cancellationToken)
    {
        if (await updater.WasProcessedAsync(message.ReviewId, message.MessageId, cancellationToken)
            || await store.GetAsync(message.ReviewId, cancellationToken) is not { } loaded
            || loaded.Review.State.Logout is not { } logout
            || logout.Generation != message.Generation || logout.Status.IsTerminal() || logout.Attempts >= message.Attempt)
        {
            return;
        }

        var review = loaded.Review;
        var request = new RemediationRequest(
            RemediationFanOut.RemediationId(review.Id, message.Target), logout.IdempotencyKey(review.Id, RemediateLogout.TargetId), review.Id, review.State.PrincipalId,
            string.Empty, RemediationKind.LOGOUT, RemediationRequest.User, review.State.PrincipalId, [], []);
        var outcome = await ApplyAsync(request, cancellationToken);
        await updater.UpdateAsync(
            message.ReviewId,
            (current, _) =>
            {
                var now = clock.GetUtcNow();
#pragma warning disable CA5394 // jitter spreads retries; it needs no cryptographic randomness
                var (events, retryAfter) = current.Review.RecordLogout(message.Generation, outcome, options.Value.Retry, Random.Shared.NextDouble(), now);
#pragma warning restore CA5394
                return Task.FromResult<ReviewChange?>(events.Count == 0 && retryAfter is null ? null
                    : new ReviewChange(events, retryAfter is { } delay ? [RemediationFanOut.Work(message with { Attempt = message.Attempt + 1 }, now + delay)] : []));
            },
            message.MessageId,
            cancellationToken);
    }

    /// <summary>A receiver never reported on a change it accepted: FAILED.</summary>
    public Task HandleAsync(RemediationReportTimeout message, MessageContext context, CancellationToken cancellationToken) =>
        recorder.RecordAsync(
            message.ReviewId, [message.Target], [new RemediationAttempt(message.Target, RemediationOutcome.Permanent("no status report within " + options.Value.ReportTimeout))],
            message.MessageId, reported: true, null, 0, cancellationToken);

    /// <summary>Still waiting for this attempt: the same generation, not terminal, not manual, not waiting for a report, and not yet tried this often.</summary>
    private static bool Due(AccessRows rows, RemediationTarget target, int attempt)
    {
        var remediation = rows.RemediationOf(target.TargetId);
        return remediation is not null && remediation.Generation == target.Generation && !remediation.Status.IsTerminal()
            && !remediation.Manual && !remediation.AwaitingReport && remediation.Attempts < attempt;
    }

    /// <summary>The calls, at most Concurrency at once; the changes of one application in order (restores latest removal first).</summary>
    private async Task<IReadOnlyList<RemediationAttempt>> CallAsync(SecurityAccessReview review, AccessRows rows, IReadOnlyList<RemediationTarget> due, CancellationToken cancellationToken)
    {
        var requests = due.Select(t => (Target: t, Request: Request(review, rows, t))).ToList();
        var byApp = requests.GroupBy(r => r.Request.AppId, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(r => r.Request.Kind == RemediationKind.RESTORE ? r.Request.Removed.Select(x => x.Sequence).DefaultIfEmpty().Max() : 0).ToList());
        var results = new System.Collections.Concurrent.ConcurrentBag<RemediationAttempt>();
        await Parallel.ForEachAsync(byApp, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = cancellationToken }, async (app, ct) =>
        {
            foreach (var (target, request) in app)
            {
                results.Add(new RemediationAttempt(target, await ApplyAsync(request, ct)));
            }
        });
        return [.. results];
    }

    [SuppressMessage("Design", "CA1031", Justification = "Isolation boundary: a connector's unexpected failure is a transient outcome of that one change, retried durably; it must not fail the other changes of the work item.")]
    private async Task<RemediationOutcome> ApplyAsync(RemediationRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await connectors.For(request.AppId).ApplyAsync(request, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogConnectorFailed(e, request.RemediationId);
            return RemediationOutcome.Transient(e is TimeoutException or TaskCanceledException ? "timed out" : e.Message);
        }
    }

    private static RemediationRequest Request(SecurityAccessReview review, AccessRows rows, RemediationTarget target)
    {
        var item = rows.Items.First(i => i.Id == target.AccessItemId);
        var sub = target.SubItemId is null ? null : rows.SubItems.First(s => s.Id == target.SubItemId);
        var remediation = (sub?.Remediation ?? item.Remediation)!;
        return new RemediationRequest(
            RemediationFanOut.RemediationId(review.Id, target),
            remediation.IdempotencyKey(review.Id, target.TargetId),
            review.Id,
            review.State.PrincipalId,
            item.AppId,
            remediation.Kind,
            sub is null ? RemediationRequest.Application : sub.EntitlementInfo?.Type ?? sub.Type,
            sub?.ResourceId ?? item.AppId,
            remediation.RemovedAccess,
            sub is null ? [.. rows.SubItems.Where(s => s.AccessItemId == item.Id && s.Type == SubAccessTypes.Group).Select(s => s.ResourceId)]
            : sub.Type == SubAccessTypes.Group ? [sub.ResourceId] : []);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Remediation {RemediationId}: the connector failed; retried as a transient failure")]
    private partial void LogConnectorFailed(Exception exception, string remediationId);
}
