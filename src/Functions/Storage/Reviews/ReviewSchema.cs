using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Functions.Runtime.Durable;

namespace AccessReviewFunctions.Functions.Storage.Reviews;

/// <summary>The review's header row: the snapshot as JSON, plus the columns the cross-partition queries filter on.</summary>
internal sealed class ReviewSchema : IPartitionSchema<SecurityAccessReview>
{
    public const string Status = "Status";
    public const string EndTime = "EndTime";
    public const string PendingDecisions = "PendingDecisions";
    public const string AutoCompleteDue = "AutoCompleteDue";

    public string Table => ReviewTables.Reviews;

    public string Id(SecurityAccessReview state) => state.Id;

    public IReadOnlyDictionary<string, object?> HeaderColumns(SecurityAccessReview state)
    {
        var snapshot = state.State;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [ReviewRows.Json] = ReviewJson.Write(snapshot),
            [Status] = snapshot.Status.ToString(),
            [EndTime] = snapshot.EndTime,
            ["PrincipalId"] = snapshot.PrincipalId,
            [PendingDecisions] = snapshot.Pending.Count > 0,
            [AutoCompleteDue] = snapshot.AutoCompleteDue,
        };
    }

    public SecurityAccessReview Read(Row header) => SecurityAccessReview.Restore(ReadSnapshot(header));

    public static ReviewSnapshot ReadSnapshot(Row header) => ReviewRows.Read<ReviewSnapshot>(header);
}
