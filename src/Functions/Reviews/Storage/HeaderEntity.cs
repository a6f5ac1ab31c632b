using AccessReviewFunctions.Domain.Reviews;
using Microsoft.WindowsAzure.Storage.Table;

namespace AccessReviewFunctions.Functions.Reviews.Storage;

/// <summary>The header row: the snapshot as JSON, plus the columns the cross-partition queries filter on.</summary>
internal static class HeaderEntity
{
    public static DynamicTableEntity Write(ReviewSnapshot snapshot) => new(snapshot.Id, ReviewRows.Header)
    {
        Properties =
        {
            ["Json"] = new EntityProperty(ReviewJson.Write(snapshot)),
            ["Status"] = new EntityProperty(snapshot.Status.ToString()),
            ["EndTime"] = new EntityProperty(snapshot.EndTime.UtcDateTime),
            ["PrincipalId"] = new EntityProperty(snapshot.PrincipalId),
            ["AutoRejectPending"] = new EntityProperty(snapshot.AutoRejectPending),
            ["AutoCompleteDue"] = new EntityProperty(snapshot.Status == ReviewStatus.ACTIVE && snapshot.AutoComplete && snapshot.AllDecided),
        },
    };

    public static ReviewSnapshot Read(DynamicTableEntity entity) => ReviewJson.Read<ReviewSnapshot>(entity.Properties["Json"].StringValue);
}
