using System.Buffers.Text;
using System.Globalization;
using System.Text;
using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Querying;

namespace AccessReviewFunctions.Functions.Okta.Logs;

/// <summary>The parameters of <c>GET /api/v1/logs</c>, validated; every problem is one 400 cause.</summary>
internal sealed record SystemLogQuery(
    DateTimeOffset Since,
    DateTimeOffset Until,
    Filter Filter,
    string? FilterText,
    IReadOnlyList<string> Keywords,
    string? Q,
    int Limit,
    bool Descending,
    LogCursor? After)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);

    public static readonly FilterSchema Schema = new(
        FilterField.String("eventType"),
        FilterField.String("uuid"),
        FilterField.Enum("severity", AuditTypes.Info, AuditTypes.Warn),
        FilterField.String("actor.id"),
        FilterField.Enum("actor.type", AuditTypes.User, AuditTypes.SystemPrincipal),
        FilterField.String("target.id"),
        FilterField.String("target.type"),
        FilterField.Enum("outcome.result", AuditTypes.Success, AuditTypes.Failure),
        FilterField.String("transaction.id"));

    public static SystemLogQuery Parse(IQueryCollection query, DateTimeOffset now)
    {
        var causes = new List<Violation>();
        var until = Instant(query, "until", causes) ?? now.AddTicks(1);
        var since = Instant(query, "since", causes) ?? now - DefaultWindow;
        if (causes.Count == 0 && since >= until)
        {
            causes.Add(new("since", ViolationCode.OutOfRange, "must be before until"));
        }

        var limit = DefaultLimit;
        if (Single(query, "limit") is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            causes.Add(new(Fields.Limit, ViolationCode.OutOfRange, $"must be an integer from 1 to {MaxLimit}"));
        }

        var descending = false;
        switch (Single(query, "sortOrder"))
        {
            case null or "ASCENDING":
                break;
            case "DESCENDING":
                descending = true;
                break;
            default:
                causes.Add(new("sortOrder", ViolationCode.NotAllowed, "must be ASCENDING or DESCENDING"));
                break;
        }

        LogCursor? after = null;
        if (Single(query, "after") is { } afterText && (after = LogCursor.Decode(afterText)) is null)
        {
            causes.Add(new(Fields.After, ViolationCode.Malformed, "invalid cursor"));
        }

        var filterText = Single(query, "filter");
        var filter = Filter.MatchAll;
        try
        {
            filter = Filter.Parse(filterText, Schema);
        }
        catch (DomainException e) when (e.Kind == DomainErrorKind.Validation)
        {
            causes.AddRange(e.Causes);
        }

        if (causes.Count > 0)
        {
            throw DomainException.Validation(causes);
        }

        var q = Single(query, "q");
        var keywords = (q ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new SystemLogQuery(since, until, filter, filterText, keywords, q, limit, descending, after);
    }

    /// <summary>True when the event holds every keyword (case-insensitive) in its message, actor, targets or outcome.</summary>
    public bool MatchesKeywords(AuditEvent e)
    {
        if (Keywords.Count == 0)
        {
            return true;
        }

        var haystack = new[] { e.DisplayMessage, e.EventType, e.Actor.Id, e.Actor.AlternateId, e.Actor.DisplayName, e.Outcome.Reason }
            .Concat(e.Target.SelectMany(t => new[] { t.Id, t.AlternateId, t.DisplayName }))
            .OfType<string>()
            .ToList();
        return Keywords.All(k => haystack.Any(h => h.Contains(k, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The query string of the same query from another cursor.</summary>
    public string ToQueryString(LogCursor? after)
    {
        var parts = new List<KeyValuePair<string, string?>>
        {
            new("since", Iso(Since)),
            new("until", Iso(Until)),
            new("limit", Limit.ToString(CultureInfo.InvariantCulture)),
            new("sortOrder", Descending ? "DESCENDING" : "ASCENDING"),
        };
        if (FilterText is not null)
        {
            parts.Add(new("filter", FilterText));
        }

        if (Q is not null)
        {
            parts.Add(new("q", Q));
        }

        if (after is not null)
        {
            parts.Add(new("after", after.Encode()));
        }

        return Microsoft.AspNetCore.Http.QueryString.Create(parts).ToUriComponent();
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) ? values.ToString() : null;

    private static DateTimeOffset? Instant(IQueryCollection query, string name, List<Violation> causes)
    {
        var text = Single(query, name);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            && text.Contains('T', StringComparison.Ordinal))
        {
            return value;
        }

        causes.Add(new(name, ViolationCode.Malformed, "must be an ISO-8601 timestamp such as 2026-01-05T09:00:00Z"));
        return null;
    }
}

/// <summary>
/// The <c>after</c> token: the sort key (published, review partition, audit row) of the last entry returned,
/// URL-safe base64. A forged token only moves the page start.
/// </summary>
internal sealed record LogCursor(DateTimeOffset Published, string PartitionKey, string RowKey)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        $"1|{Published.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{PartitionKey}|{RowKey}"));

    public static LogCursor? Decode(string text)
    {
        if (text.Length is 0 or > 1024)
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|');
            return parts.Length == 4 && parts[0] == "1"
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && parts[2].Length > 0 && parts[3].Length > 0
                ? new LogCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[2], parts[3])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Ascending order of log entries: published, then review, then revision.</summary>
    public static int Compare(LogCursor a, LogCursor b)
    {
        var byTime = a.Published.UtcTicks.CompareTo(b.Published.UtcTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byPartition = string.CompareOrdinal(a.PartitionKey, b.PartitionKey);
        return byPartition != 0 ? byPartition : string.CompareOrdinal(a.RowKey, b.RowKey);
    }
}
