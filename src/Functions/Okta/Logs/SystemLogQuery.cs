using System.Globalization;
using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Functions.Reviews;

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
    Cursor? After,
    bool UntilGiven = true)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);

    /// <summary>Okta answers 400 to more keywords than this in <c>q</c>, or a longer one.</summary>
    public const int MaxKeywords = 10;
    public const int MaxKeywordLength = 40;

    /// <summary>What Okta's System Log accepts beside eq, co (text) and eq, gt, lt (dates): every SCIM operator but <c>ne</c>, <c>ew</c>, <c>not</c> and <c>[ ]</c>.</summary>
    private static readonly FilterOperator[] TextOperators = [FilterOperator.Sw, FilterOperator.Pr, FilterOperator.Gt, FilterOperator.Ge, FilterOperator.Lt, FilterOperator.Le];
    private static readonly FilterOperator[] DateOperators = [FilterOperator.Ge, FilterOperator.Le, FilterOperator.Pr];
    private static readonly FilterOperator[] EnumOperators = [FilterOperator.Sw, FilterOperator.Pr];

    public static readonly FilterSchema Schema = new(
        new[]
        {
            FilterField.Text("eventType"),
            FilterField.Text("displayMessage"),
            FilterField.Text("actor.alternateId"),
            FilterField.Text("actor.displayName"),
            FilterField.Text("target.alternateId"),
            FilterField.Text("target.displayName"),
            FilterField.Text("outcome.reason"),
            FilterField.Text("client.ipAddress"),
            FilterField.Text("client.userAgent.rawUserAgent"),
            FilterField.Text("authenticationContext.externalSessionId"),
            FilterField.Text("uuid"),
            FilterField.Text("actor.id"),
            FilterField.Text("target.id"),
            FilterField.Text("target.type"),
            FilterField.Text("transaction.id"),
        }.Select(f => f.Allowing(TextOperators))
        .Append(FilterField.Date("published").Allowing(DateOperators))
        .Concat(new[]
        {
            FilterField.Enum("severity", AuditTypes.Info, AuditTypes.Warn),
            FilterField.Enum("actor.type", AuditTypes.User, AuditTypes.SystemPrincipal),
            FilterField.Enum("outcome.result", AuditTypes.Success, AuditTypes.Failure),
        }.Select(f => f.Allowing(EnumOperators))));

    /// <summary>Polling mode: no <c>until</c> and ascending, so there is always a next page to come back to.</summary>
    public bool Polling => !UntilGiven && !Descending;

    /// <summary>Just since and until, as <c>verify</c> takes them.</summary>
    public static (DateTimeOffset Since, DateTimeOffset Until) ParseWindow(IQueryCollection query, DateTimeOffset now)
    {
        var causes = new List<Violation>();
        var window = Window(query, now, causes);
        Violations.ThrowIfAny(causes);
        return window;
    }

    /// <summary>A cursor just before <paramref name="since"/>: where a poll that has seen nothing resumes.</summary>
    public static Cursor StartCursor(DateTimeOffset since)
    {
        var before = since > DateTimeOffset.MinValue ? since.AddTicks(-1) : since; // nothing is before the calendar's first instant
        return new Cursor(Order(false), Domain.Querying.SortKey.Of(before), $"{LogChain.Bucket(before)}|{LogChain.KeyFrom(before)}~");
    }

    public static SystemLogQuery Parse(IQueryCollection query, DateTimeOffset now)
    {
        var causes = new List<Violation>();
        var (since, until) = Window(query, now, causes);

        var limit = PageRequest.ParseLimit(Single(query, "limit"), DefaultLimit, MaxLimit, causes);

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

        var after = Single(query, "after") is { Length: > 0 } afterText ? Violations.Collect(causes, () => Cursor.Decode(afterText, Order(descending))) : null;
        var filterText = Single(query, "filter");
        var filter = Violations.Collect(causes, () => Filter.Parse(filterText, Schema)) ?? Filter.MatchAll;
        Violations.ThrowIfAny(causes);

        var q = Single(query, "q");
        var keywords = (q ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (keywords.Length > MaxKeywords)
        {
            causes.Add(new("q", ViolationCode.OutOfRange, $"at most {MaxKeywords} keywords"));
        }

        if (keywords.Any(k => k.Length > MaxKeywordLength))
        {
            causes.Add(new("q", ViolationCode.OutOfRange, $"each keyword at most {MaxKeywordLength} characters"));
        }

        Violations.ThrowIfAny(causes);
        return new SystemLogQuery(since, until, filter, filterText, keywords, q, limit, descending, after, query.ContainsKey("until"));
    }

    private static (DateTimeOffset Since, DateTimeOffset Until) Window(IQueryCollection query, DateTimeOffset now, List<Violation> causes)
    {
        var until = Instant(query, "until", causes) ?? now.AddTicks(1);
        var since = Instant(query, "since", causes) ?? now - DefaultWindow;
        if (causes.Count == 0 && since >= until)
        {
            causes.Add(new("since", ViolationCode.OutOfRange, "must be before until"));
        }

        return (since, until);
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

    /// <summary>Entries sort by published time, then by where they live (review partition, revision row).</summary>
    public static OrderBy Order(bool descending) => new("published", descending ? SortDirection.Desc : SortDirection.Asc);

    public RowOrder<StoredAuditEvent> Sort() => new(Order(Descending), r => Domain.Querying.SortKey.Of(r.Event.Published), r => $"{r.PartitionKey}|{r.RowKey}");

    /// <summary>What the next page must repeat as this page used it: the window, even when it was computed from "now".</summary>
    /// <remarks>In polling mode until stays open, so the next page reaches events written after this one.</remarks>
    public IReadOnlyDictionary<string, string?> Pinned() => new Dictionary<string, string?>
    {
        ["since"] = Iso(Since),
        ["until"] = Polling ? null : Iso(Until),
        ["sortOrder"] = Descending ? "DESCENDING" : "ASCENDING",
    };

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
