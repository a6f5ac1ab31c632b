using AccessReviewFunctions.Domain.Reports;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Storage.Reviews;

namespace AccessReviewFunctions.Functions.Storage.Reports;

/// <summary>A report's partition (PK report id) in table "reports": the header holds the report as JSON, its owner and expiry.</summary>
internal sealed class ReportSchema : IPartitionSchema<Report>
{
    public const string Owner = "Owner";

    public string Table => "reports";

    public string Id(Report state) => state.Id;

    public IReadOnlyDictionary<string, object?> HeaderColumns(Report state) => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        [ReviewRows.Json] = ReviewJson.Write(state),
        [Owner] = state.Owner,
        ["Status"] = state.Status.ToString(),
        ["ExpiresAt"] = state.ExpiresAt,
    };

    public Report Read(Row header) => ReviewRows.Read<Report>(header);
}
