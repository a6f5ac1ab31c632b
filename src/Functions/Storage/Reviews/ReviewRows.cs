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

    /// <summary>
    /// History rows sort by the revision that made them: timestamps can tie, revisions can't. The review's id after the
    /// revision makes each key its own: Azurite finds a row by its key first, then walks every partition holding that
    /// key, so the same <c>hist:0000000001</c> in every review cost more with each review stored. Rows an earlier version
    /// wrote carry the revision alone; within a partition both forms sort by revision, before that revision's appends.
    /// </summary>
    public static string History(string reviewId, int revision) => $"{Revision(HistoryPrefix, revision)}-{reviewId}";

    /// <summary>The System Log entry of the event at this revision: one per history row, written with it.</summary>
    public static string Audit(string reviewId, int revision) => $"{Revision(AuditPrefix, revision)}-{reviewId}";

    /// <summary>The key an earlier version gave the System Log entry of a revision; still read.</summary>
    public static string LegacyAudit(int revision) => Revision(AuditPrefix, revision);

    /// <summary>
    /// An entry appended without the header (a comment): after the revision its writer saw and before the next one,
    /// told apart from other appends at that revision by <paramref name="suffix"/> (its time, then a random part).
    /// </summary>
    public static string AppendedHistory(int revision, string suffix) => $"{Revision(HistoryPrefix, revision)}.{suffix}";

    public static string AppendedAudit(int revision, string suffix) => $"{Revision(AuditPrefix, revision)}.{suffix}";

    /// <summary>The System Log id of the entry at a revision (and of an append after it): the same for either key form.</summary>
    public static string AuditEntryId(string reviewId, int revision, string? appended) =>
        appended is null ? $"{reviewId}.{revision:D10}" : $"{reviewId}.{revision:D10}.{appended}";

    public static Row JsonRow<T>(string partition, string row, T value, params (string Name, object? Value)[] columns) =>
        Row.Of(partition, row, [(Json, ReviewJson.Write(value)), .. columns]);

    private static string Revision(string prefix, int revision) => $"{prefix}{revision:D10}";

    public static T Read<T>(Row row) => ReviewJson.Read<T>(row.Text(Json) ?? throw new InvalidDataException($"Row {row.RowKey} has no JSON"));
}
