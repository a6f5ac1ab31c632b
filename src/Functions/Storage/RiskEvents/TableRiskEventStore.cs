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
/// (RK failure id), <c>open</c> (RK principal → its open risk-triggered review). Each row is JSON.
/// </summary>
internal sealed class TableRiskEventStore(StorageResources resources) : IRiskEventStore
{
    public const string Table = "riskevents";
    private const string Policies = "policies";
    private const string Outcomes = "outcome";
    private const string Failed = "failed";
    private const string Open = "open";

    public async Task<ReviewPolicies> PoliciesAsync(CancellationToken cancellationToken) =>
        await ReadAsync<ReviewPolicies>(Policies, "current", cancellationToken) ?? ReviewPolicies.Default;

    public Task SavePoliciesAsync(ReviewPolicies policies, CancellationToken cancellationToken) => WriteAsync(Policies, "current", policies, cancellationToken);

    public Task RecordOutcomeAsync(RiskEventOutcome outcome, CancellationToken cancellationToken) =>
        WriteAsync(Outcomes, DurableRows.Escape(outcome.Uuid), outcome, cancellationToken);

    public Task<RiskEventOutcome?> OutcomeAsync(string uuid, CancellationToken cancellationToken) => ReadAsync<RiskEventOutcome>(Outcomes, DurableRows.Escape(uuid), cancellationToken);

    public Task<string?> OpenRiskReviewAsync(string principalId, CancellationToken cancellationToken) => ReadAsync<string>(Open, DurableRows.Escape(principalId), cancellationToken);

    public Task SetOpenRiskReviewAsync(string principalId, string reviewId, CancellationToken cancellationToken) =>
        WriteAsync(Open, DurableRows.Escape(principalId), reviewId, cancellationToken);

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
