namespace AccessReviewFunctions.Functions.Reviews.Storage;

/// <summary>
/// Row keys inside a review's partition. The header holds the aggregate; the other rows hang off it:
/// access items, sub-access items, history, the outbox of messages not yet sent, and processed message ids.
/// </summary>
internal static class ReviewRows
{
    public const string Header = "header";
    public const string ItemPrefix = "item:";
    public const string SubPrefix = "sub:";
    public const string HistoryPrefix = "hist:";
    public const string OutboxPrefix = "outbox:";
    public const string ProcessedPrefix = "done:";
    public const string AuditPrefix = "audit:";

    public static string Item(string accessItemId) => ItemPrefix + accessItemId;

    public static string Sub(string accessItemId, string subItemId) => $"{SubPrefix}{accessItemId}:{subItemId}";

    /// <summary>History rows sort by the revision that made them: timestamps can tie, revisions can't.</summary>
    public static string History(int revision) => $"{HistoryPrefix}{revision:D10}";

    /// <summary>The System Log entry of the event at this revision: one per history row, written with it.</summary>
    public static string Audit(int revision) => $"{AuditPrefix}{revision:D10}";

    public static string Outbox(string messageId) => OutboxPrefix + Escape(messageId);

    public static string Processed(string messageId) => ProcessedPrefix + Escape(messageId);

    // Row keys may not hold '/', '\', '#' or '?'.
    private static string Escape(string id) =>
        id.Replace("/", "%2F", StringComparison.Ordinal).Replace("\\", "%5C", StringComparison.Ordinal)
          .Replace("#", "%23", StringComparison.Ordinal).Replace("?", "%3F", StringComparison.Ordinal);
}
