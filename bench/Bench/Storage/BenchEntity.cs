using Azure;
using Azure.Data.Tables;

namespace AccessReviewFunctions.Bench;

/// <summary>A small row, about the size of an access item's header fields: three strings and two ints.</summary>
internal sealed class BenchEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Owner { get; set; } = "";
    public int Count { get; set; }
    public int Version { get; set; }

    public static BenchEntity Create(string partition, string row, int count) => new()
    {
        PartitionKey = partition,
        RowKey = row,
        Name = $"Application {count}",
        Kind = "ACCESS_ITEM",
        Owner = "00ubenchreviewer0001",
        Count = count,
    };
}
