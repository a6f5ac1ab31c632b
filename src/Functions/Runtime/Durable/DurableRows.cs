namespace AccessReviewFunctions.Functions.Runtime.Durable;

/// <summary>The rows the runtime owns in every partition: the header (state, ETag), the outbox and processed message ids.</summary>
internal static class DurableRows
{
    /// <summary>Every header's key starts so, the key of headers stored before they were keyed by instance included.</summary>
    public const string AnyHeader = "header";

    /// <summary>
    /// The header's key holds its instance's id, so no two partitions share it: Azurite finds a row by its row key first
    /// and then scans every partition's row under that key, which made each header read, insert and replace cost time in
    /// proportion to the number of reviews (0.7 ms each at 1,100). Azure Table storage finds it either way.
    /// </summary>
    public static string Header(string id) => AnyHeader + ":" + Escape(id);

    /// <summary>The header's key before this version: <see cref="DurableUpdater{TState}"/> moves such a header to <see cref="Header"/> when it first reads it.</summary>
    public const string LegacyHeader = AnyHeader;
    public const string OutboxPrefix = "outbox:";
    public const string ProcessedPrefix = "done:";

    /// <summary>The header's column naming the commit that wrote it, so a retried commit recognises its own write.</summary>
    public const string CommitColumn = "CommitId";

    public static string Outbox(string messageId) => OutboxPrefix + Escape(messageId);

    public static string Processed(string messageId) => ProcessedPrefix + Escape(messageId);

    /// <summary>Row keys may not hold '/', '\', '#' or '?'.</summary>
    public static string Escape(string id) =>
        id.Replace("/", "%2F", StringComparison.Ordinal).Replace("\\", "%5C", StringComparison.Ordinal)
          .Replace("#", "%23", StringComparison.Ordinal).Replace("?", "%3F", StringComparison.Ordinal);

    /// <summary>The exclusive upper bound of a key prefix: the prefix with its last character incremented.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
