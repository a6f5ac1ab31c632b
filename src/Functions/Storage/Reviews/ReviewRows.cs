using AccessReviewFunctions.Functions.Runtime.Durable;

namespace AccessReviewFunctions.Functions.Storage.Reviews;

/// <summary>
/// Row keys inside a review's partition, beside the runtime's header, outbox and processed rows: access items,
/// sub-access items, history and the System Log (audit) entries.
/// </summary>
internal static class ReviewRows
{
    public const string Json = "Json";
    public const string ItemPrefix = "item:";
    public const string SubPrefix = "sub:";
    public const string HistoryPrefix = "hist:";
    public const string AuditPrefix = "audit:";

    public static string Item(string accessItemId) => ItemPrefix + accessItemId;

    public static string Sub(string accessItemId, string subItemId) => $"{SubPrefix}{accessItemId}:{subItemId}";

    /// <summary>History rows sort by the revision that made them: timestamps can tie, revisions can't.</summary>
    public static string History(int revision) => $"{HistoryPrefix}{revision:D10}";

    /// <summary>The System Log entry of the event at this revision: one per history row, written with it.</summary>
    public static string Audit(int revision) => $"{AuditPrefix}{revision:D10}";

    public static Row JsonRow<T>(string partition, string row, T value, params (string Name, object? Value)[] columns) =>
        Row.Of(partition, row, [(Json, ReviewJson.Write(value)), .. columns]);

    public static T Read<T>(Row row) => ReviewJson.Read<T>(row.Text(Json) ?? throw new InvalidDataException($"Row {row.RowKey} has no JSON"));
}
