namespace AccessReviewFunctions.Functions.Runtime.Durable;

/// <summary>The rows the runtime owns in every partition: the header (state, ETag), the outbox and processed message ids.</summary>
internal static class DurableRows
{
    public const string Header = "header";
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
