using Microsoft.WindowsAzure.Storage.Table;

namespace AccessReviewFunctions.Functions.Storage;

/// <summary>Segment-by-segment reads of the legacy table SDK, gathered into lists.</summary>
internal static class TableQueries
{
    public static Task<List<DynamicTableEntity>> QueryPrefixAsync(this CloudTable table, string partitionKey, string rowPrefix, CancellationToken cancellationToken, IList<string>? columns = null)
    {
        var filter = TableQuery.CombineFilters(
            TableQuery.GenerateFilterCondition("PartitionKey", QueryComparisons.Equal, partitionKey),
            TableOperators.And,
            RowPrefix(rowPrefix));
        return table.QueryAllAsync(filter, cancellationToken, columns);
    }

    public static async Task<List<DynamicTableEntity>> QueryAllAsync(this CloudTable table, string filter, CancellationToken cancellationToken, IList<string>? columns = null)
    {
        var query = new TableQuery<DynamicTableEntity> { FilterString = filter, SelectColumns = columns };
        var rows = new List<DynamicTableEntity>();
        TableContinuationToken? token = null;
        do
        {
            var segment = await table.ExecuteQuerySegmentedAsync(query, token, null, null, cancellationToken);
            rows.AddRange(segment.Results);
            token = segment.ContinuationToken;
        }
        while (token is not null);
        return rows;
    }

    /// <summary>RowKey starts with the prefix, as a range the service can answer from its index.</summary>
    public static string RowPrefix(string rowPrefix) => TableQuery.CombineFilters(
        TableQuery.GenerateFilterCondition("RowKey", QueryComparisons.GreaterThanOrEqual, rowPrefix),
        TableOperators.And,
        TableQuery.GenerateFilterCondition("RowKey", QueryComparisons.LessThan, PrefixEnd(rowPrefix)));

    /// <summary>The exclusive upper bound of a prefix range: the prefix with its last character incremented.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
