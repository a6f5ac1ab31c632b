using Azure;
using Azure.Data.Tables;
using AccessReviewFunctions.Domain.RiskEvents;
using AccessReviewFunctions.Functions.RiskEvents;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Storage.Reviews;
using AccessReviewFunctions.Functions.Storage.Tables;

namespace AccessReviewFunctions.Functions.Storage.RiskEvents;

/// <summary>
/// One table, <c>riskevents</c>: PK <c>policies</c> (the policy set), <c>outcome</c> (RK event uuid), <c>failed</c>
/// (RK failure id), <c>open</c> (RK principal → its open risk-triggered review, claimed insert-if-absent before the
/// review is created, with <c>ClaimedAt</c>; taken over under its ETag). Each row is JSON.
/// </summary>
internal sealed class TableRiskEventStore(StorageResources resources) : IRiskEventStore
{
    public const string Table = "riskevents";
    private const string Policies = "policies";
    private const string Outcomes = "outcome";
    private const string Failed = "failed";
    private const string Open = "open";
    private const string ClaimedAt = "ClaimedAt";

    public async Task<ReviewPolicies> PoliciesAsync(CancellationToken cancellationToken) =>
        await ReadAsync<ReviewPolicies>(Policies, "current", cancellationToken) ?? ReviewPolicies.Default;

    public Task SavePoliciesAsync(ReviewPolicies policies, CancellationToken cancellationToken) => WriteAsync(Policies, "current", policies, cancellationToken);

    public Task RecordOutcomeAsync(RiskEventOutcome outcome, CancellationToken cancellationToken) =>
        WriteAsync(Outcomes, DurableRows.Escape(outcome.Uuid), outcome, cancellationToken);

    public Task<RiskEventOutcome?> OutcomeAsync(string uuid, CancellationToken cancellationToken) => ReadAsync<RiskEventOutcome>(Outcomes, DurableRows.Escape(uuid), cancellationToken);

    public async Task<OpenRiskReview> ClaimOpenRiskReviewAsync(string principalId, string reviewId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(Table, cancellationToken);
        while (true)
        {
            try
            {
                var added = await table.AddEntityAsync(OpenRow(principalId, reviewId, now), cancellationToken);
                return new OpenRiskReview(reviewId, now, added.Headers.ETag?.ToString() ?? string.Empty);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Held already: by this review (a redelivery) or another. Read it; if it vanished meanwhile, claim again.
                if (await table.FindAsync(Open, DurableRows.Escape(principalId), cancellationToken) is { } held)
                {
                    return new OpenRiskReview(ReviewJson.Read<string>(held.GetString(ReviewRows.Json)), held.GetDateTimeOffset(ClaimedAt) ?? DateTimeOffset.MinValue, held.ETag.ToString());
                }
            }
        }
    }

    public async Task<bool> TakeOverOpenRiskReviewAsync(string principalId, OpenRiskReview held, string reviewId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(Table, cancellationToken);
        try
        {
            await table.UpdateEntityAsync(OpenRow(principalId, reviewId, now), new ETag(held.Version), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task ReleaseOpenRiskReviewAsync(string principalId, string reviewId, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(Table, cancellationToken);
        if (await table.FindAsync(Open, DurableRows.Escape(principalId), cancellationToken) is { } held && ReviewJson.Read<string>(held.GetString(ReviewRows.Json)) == reviewId)
        {
            try
            {
                await table.DeleteEntityAsync(Open, held.RowKey, held.ETag, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Taken over or gone meanwhile: not ours to remove any more.
            }
        }
    }

    private static TableEntity OpenRow(string principalId, string reviewId, DateTimeOffset now) =>
        new(Open, DurableRows.Escape(principalId)) { [ReviewRows.Json] = ReviewJson.Write(reviewId), [ClaimedAt] = now };

    public Task RecordFailedAsync(FailedRiskEvent failed, CancellationToken cancellationToken) => WriteAsync(Failed, failed.Id, failed, cancellationToken);

    public async Task<IReadOnlyList<FailedRiskEvent>> ListFailedAsync(CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(Table, cancellationToken);
        return (await table.QueryAllAsync(TableRows.Partition(Failed), cancellationToken))
            .Select(r => ReviewJson.Read<FailedRiskEvent>(r.GetString(ReviewRows.Json))).ToList();
    }

    public Task<FailedRiskEvent?> FailedAsync(string id, CancellationToken cancellationToken) => ReadAsync<FailedRiskEvent>(Failed, DurableRows.Escape(id), cancellationToken);

    public async Task DeleteFailedAsync(string id, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(Table, cancellationToken);
        await table.DeleteEntityAsync(Failed, DurableRows.Escape(id), ETag.All, cancellationToken);
    }

    private async Task<T?> ReadAsync<T>(string partition, string row, CancellationToken cancellationToken)
        where T : class
    {
        var table = await resources.TableAsync(Table, cancellationToken);
        return await table.FindAsync(partition, row, cancellationToken) is { } entity ? ReviewJson.Read<T>(entity.GetString(ReviewRows.Json)) : null;
    }

    private async Task WriteAsync<T>(string partition, string row, T value, CancellationToken cancellationToken)
    {
        var table = await resources.TableAsync(Table, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(partition, row) { [ReviewRows.Json] = ReviewJson.Write(value) }, TableUpdateMode.Replace, cancellationToken);
    }
}
