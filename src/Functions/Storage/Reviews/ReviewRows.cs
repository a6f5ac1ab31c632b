using AccessReviewFunctions.Functions.Runtime.Durable;

namespace AccessReviewFunctions.Functions.Storage.Reviews;

/// <summary>
/// Row keys inside a review's partition, beside the runtime's header, outbox and processed rows. An access item and
/// its sub-items are one key range (<c>acc:{aim}</c>, <c>acc:{aim}:{sai}</c>), so a decision reads its target in one
/// query; a sub-item's locator (<c>sai:{sai}</c>) names its access item. Then history and the System Log entries.
/// </summary>
internal static class ReviewRows
{
    public const string Json = "Json";
    public const string AccessPrefix = "acc:";
    public const string LocatorPrefix = "sai:";
    public const string HistoryPrefix = "hist:";
    public const string AuditPrefix = "audit:";
    public const string AccessItemColumn = "AccessItemId";

    /// <summary>The access item's row, which is also the prefix of its sub-items' rows.</summary>
    public static string Item(string accessItemId) => AccessPrefix + accessItemId;

    public static string Sub(string accessItemId, string subItemId) => $"{AccessPrefix}{accessItemId}:{subItemId}";

    public static bool IsItem(string rowKey) => rowKey.IndexOf(':', AccessPrefix.Length) < 0;

    public static string Locator(string subItemId) => LocatorPrefix + subItemId;

    /// <summary>History rows sort by the revision that made them: timestamps can tie, revisions can't.</summary>
    public static string History(int revision) => $"{HistoryPrefix}{revision:D10}";

    /// <summary>The System Log entry of the event at this revision: one per history row, written with it.</summary>
    public static string Audit(int revision) => $"{AuditPrefix}{revision:D10}";

    /// <summary>
    /// An entry appended without the header (a comment): after the revision its writer saw and before the next one,
    /// told apart from other appends at that revision by <paramref name="suffix"/> (its time, then a random part).
    /// </summary>
    public static string History(int revision, string suffix) => $"{History(revision)}.{suffix}";

    public static string Audit(int revision, string suffix) => $"{Audit(revision)}.{suffix}";

    public static Row JsonRow<T>(string partition, string row, T value, params (string Name, object? Value)[] columns) =>
        Row.Of(partition, row, [(Json, ReviewJson.Write(value)), .. columns]);

    public static T Read<T>(Row row) => ReviewJson.Read<T>(row.Text(Json) ?? throw new InvalidDataException($"Row {row.RowKey} has no JSON"));
}
