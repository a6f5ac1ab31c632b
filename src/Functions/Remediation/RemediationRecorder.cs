using AccessReviewFunctions.Domain.Reviews.Access;
using AccessReviewFunctions.Domain.Reviews.Remediation;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Reviews.Workflow;
using AccessReviewFunctions.Functions.Runtime;
using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Remediation;

/// <summary>
/// Stores outcomes of downstream changes in the review's partition, through the review's one commit: item rows,
/// header counts, System Log entries, the retry as a delayed work item and report timeouts, with the causing id.
/// </summary>
internal sealed class RemediationRecorder(IReviewStore store, ReviewAccess access, ReviewUpdater updater, IOptions<RemediationOptions> options, TimeProvider clock)
{
    /// <summary>Records outcomes under the header's ETag; reads the targets' rows again unless nothing changed since they were read.</summary>
    public async Task RecordAsync(
        string reviewId, IReadOnlyList<RemediationTarget> targets, IReadOnlyList<RemediationAttempt> attempts, string causedBy, bool reported,
        (string ETag, AccessRows Rows)? read, int attempt, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await updater.UpdateAsync(
            reviewId,
            async (loaded, ct) =>
            {
                var rows = read is { } known && known.ETag == loaded.ETag ? known.Rows : await RowsAsync(reviewId, loaded.ETag, targets, ct);
                var now = clock.GetUtcNow();
#pragma warning disable CA5394 // jitter spreads retries; it needs no cryptographic randomness
                var recorded = loaded.Review.RecordRemediation(rows, attempts, settings.Retry, Random.Shared.NextDouble(), now, reported);
#pragma warning restore CA5394
                if (recorded.Rows.Count == 0 && recorded.Events.Count == 0)
                {
                    return null;
                }

                var outbox = new List<OutgoingMessage>();
                if (recorded.Retry.Count > 0)
                {
                    outbox.Add(RemediationFanOut.Work(new RemediateAccess(reviewId, recorded.Retry, attempt + 1), now + recorded.RetryDelay));
                }

                outbox.AddRange(recorded.Awaiting.Select(t => new OutgoingMessage(RemediationQueues.Work, new RemediationReportTimeout(reviewId, t), now + settings.ReportTimeout)));
                return new ReviewChange(recorded.Events, outbox, recorded.Rows);
            },
            causedBy,
            cancellationToken);
    }

    /// <summary>
    /// The rows of the targets' access items at the header's <paramref name="etag"/>: from this instance's cache, else
    /// in one range read (a work item's targets are neighbours in key order: the fan-out packs them sorted). A
    /// 10,000-item fan-out made one read per target, then one per lost ETag race between its work items.
    /// </summary>
    public Task<AccessRows> RowsAsync(string reviewId, string etag, IEnumerable<RemediationTarget> targets, CancellationToken cancellationToken) =>
        access.ItemsAsync(reviewId, etag, targets.Select(t => t.AccessItemId), cancellationToken);


    /// <summary>The target's remediation as stored.</summary>
    public async Task<ItemRemediation?> FindAsync(string reviewId, RemediationTarget target, CancellationToken cancellationToken) =>
        (await store.ReadItemAsync(reviewId, target.AccessItemId, cancellationToken)).RemediationOf(target.TargetId);

    /// <summary>An admin marks a failed or manual remediation FIXED.</summary>
    public Task MarkFixedAsync(string reviewId, RemediationTarget target, string actorId, Domain.Audit.RequestOrigin origin, CancellationToken cancellationToken) =>
        updater.UpdateAsync(
            reviewId,
            async (loaded, ct) =>
            {
                var recorded = loaded.Review.MarkRemediationFixed(await RowsAsync(reviewId, loaded.ETag, [target], ct), target.TargetId, actorId, clock.GetUtcNow());
                return new ReviewChange(recorded.Events, [], recorded.Rows, origin);
            },
            null,
            cancellationToken);
}
