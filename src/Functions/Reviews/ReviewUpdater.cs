using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Functions.Common;
using AccessReviewFunctions.Functions.Remediation;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Storage.Reviews;
using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Reviews;

/// <summary>
/// The one way a stored review changes: a step of <see cref="ReviewSteps"/> decides, the runtime's
/// <see cref="DurableUpdater{TState}"/> commits it (header under its ETag, history, audit, item rows, outbox and the
/// causing message's id in one transaction) and dispatches the messages, with the remediation work items of the
/// rows it wrote (<see cref="RemediationFanOut"/>) unless Remediation:Enabled is false. The rows a commit wrote move this
/// instance's cached rows forward to the new ETag. Steps on one review in this instance take turns: they would only
/// race for the header's ETag (one wins each version; the others read and try again), and in turn each finds the
/// rows it needs in the cache. Instances still race each other, under the ETag.
/// </summary>
internal sealed class ReviewUpdater(
    DurableUpdater<SecurityAccessReview> durable, ReviewChangeRows rows, ReviewItemCache cache, IOptions<RemediationOptions> remediation, EndTimerHorizon horizon)
{
    private readonly KeyedLocks turns = new();

    /// <returns>The review after the step, or null when there is no such review.</returns>
    public Task<SecurityAccessReview?> UpdateAsync(
        string reviewId, Func<SecurityAccessReview, ReviewChange?> decide, string? causedBy, CancellationToken cancellationToken) =>
        UpdateAsync(reviewId, (loaded, _) => Task.FromResult(decide(loaded.Review)), causedBy, cancellationToken);

    /// <summary>As above, for a step that reads more of the partition (item rows) after the header.</summary>
    public async Task<SecurityAccessReview?> UpdateAsync(
        string reviewId, Func<LoadedReview, CancellationToken, Task<ReviewChange?>> decide, string? causedBy, CancellationToken cancellationToken)
    {
        using var turn = await turns.AcquireAsync(reviewId, cancellationToken);
        (string ETag, AccessRows Written)? last = null;
        var after = await durable.UpdateAsync(
            reviewId,
            async (loaded, token) =>
            {
                last = null;
                if (await decide(new LoadedReview(loaded.State, loaded.ETag), token) is not { } change)
                {
                    return null;
                }

                change = ReviewSteps.FollowUp(loaded.State, change);
                if (remediation.Value.Enabled)
                {
                    change = change with { Outbox = [.. change.Outbox, .. RemediationFanOut.Messages(loaded.State.Id, change.Written), .. RemediationFanOut.Logout(loaded.State, change.Events)] };
                }

                last = (loaded.ETag, change.Written);
                var outbox = change.Outbox.Concat(AppendReviewLog.After(reviewId, loaded.State.State.Revision, change.Events.Count)).ToList();
                return new DurableChange<SecurityAccessReview>(loaded.State, rows.For(loaded.State.State, change.Events, change.Written, causedBy, change.Origin), outbox);
            },
            causedBy,
            cancellationToken);
        if (after is { Committed: true } && last is { } committed)
        {
            cache.Advance(reviewId, committed.ETag, after.ETag, committed.Written);
        }

        return after?.State;
    }

    /// <summary>
    /// Appends an event that changes nothing but the history (a comment) without the header's ETag, so concurrent
    /// writers never make it retry: its history row and System Log entry sort after the revision it saw.
    /// </summary>
    /// <returns>The review it was appended to, or null when there is no such review.</returns>
    public async Task<SecurityAccessReview?> AppendAsync(string reviewId, Func<SecurityAccessReview, ReviewEvent> decide, RequestOrigin? origin, CancellationToken cancellationToken)
    {
        if (await durable.LoadAsync(reviewId, cancellationToken) is not { } loaded)
        {
            return null;
        }

        var appended = decide(loaded.State);
        var revision = loaded.State.State.Revision;
        var suffix = rows.AppendSuffix(appended.At);
        await durable.AppendAsync(reviewId, rows.Appended(loaded.State.State, appended, suffix, origin), [AppendReviewLog.AfterAppend(reviewId, revision, suffix)], cancellationToken);
        return loaded.State;
    }

    /// <summary>Whether this copy of a work item sent twice does its work, rather than a copy running at the same time.</summary>
    public Task<bool> TryClaimAsync(string reviewId, string messageId, MessageContext context, CancellationToken cancellationToken) =>
        durable.TryClaimAsync(reviewId, messageId, context.QueueMessageId, cancellationToken);

    /// <summary>True when the message's change is committed already (a redelivery).</summary>
    public Task<bool> WasProcessedAsync(string reviewId, string messageId, CancellationToken cancellationToken) =>
        durable.WasProcessedAsync(reviewId, messageId, cancellationToken);

    /// <summary>Stores a new review with its first messages, then sends them.</summary>
    public Task CreateAsync(SecurityAccessReview review, ReviewEvent created, RequestOrigin? origin, CancellationToken cancellationToken) =>
        durable.CreateAsync(
            new DurableChange<SecurityAccessReview>(review, rows.For(review.State, [created], AccessRows.None, null, origin),
                [.. ReviewSteps.AfterCreate(review, horizon), .. AppendReviewLog.After(review.Id, review.State.Revision, 1)]),
            cancellationToken);
}
