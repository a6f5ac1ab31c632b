using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Okta.Lists;
using AccessReviewFunctions.Functions.Reviews;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessReviewFunctions.Functions.Okta.Logs;

/// <summary>
/// <c>GET /api/v1/logs</c>: Okta's System Log API over the log table (SUPER_ADMIN). since/until bound the published
/// time ([since, until)); filter, q, sortOrder, limit and the after cursor work as in Okta. The table is read bucket
/// by bucket from the cursor on and stops once a page and one more entry matched, so a read costs what it returns,
/// not what is stored. Without <c>until</c> (polling mode) an ascending read always links <c>rel="next"</c>, from
/// where it stopped, to see later events. <c>GET /api/v1/logs/verify</c> recomputes the hash chains.
/// </summary>
internal static class SystemLogEndpoints
{
    public const string Path = "/api/v1/logs";

    /// <summary>How Okta's System Log names the actor of what the system does by itself.</summary>
    private static readonly (string AlternateId, string DisplayName) OktaSystem = ("system@okta.com", "Okta System");

    /// <summary>Entries enriched and matched at a time while filling a page.</summary>
    private const int Chunk = 200;

    public static void MapSystemLog(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ListAsync).RequireAuthorization(Roles.AdminPolicy).WithMetadata(OktaScopes.Logs);
        app.MapGet($"{Path}/verify", VerifyAsync).RequireAuthorization(Roles.AdminPolicy).WithMetadata(OktaScopes.Logs);
    }

    private static async Task<Ok<List<AuditEvent>>> ListAsync(HttpContext http, IAuditLog log, IUserDirectory users, TimeProvider clock, CancellationToken ct)
    {
        var query = SystemLogQuery.Parse(http.Request.Query, clock.GetUtcNow());
        var order = query.Sort();
        var afterKey = query.After is { } after ? KeyOf(after.Id) : null;
        var matched = new List<StoredAuditEvent>();
        var chunk = new List<StoredAuditEvent>();
        await foreach (var stored in log.ReadAsync(query.Since, query.Until, afterKey, query.Descending, ct))
        {
            chunk.Add(stored);
            if (chunk.Count == Chunk)
            {
                matched.AddRange(await MatchAsync(query, chunk, users, ct));
                chunk.Clear();
                if (matched.Count > query.Limit)
                {
                    break;
                }
            }
        }

        matched.AddRange(await MatchAsync(query, chunk, users, ct));
        var page = Paging.TakePage(matched, new PageRequest(query.Limit, null), order);
        if (page.NextCursor is null && query.Polling)
        {
            // Polling mode: the next link resumes after the last entry seen (or where this read started).
            var resume = page.Items.Count > 0
                ? new Cursor(order.OrderBy, order.KeyOf(page.Items[^1]), order.IdOf(page.Items[^1])).Encode()
                : query.After?.Encode() ?? SystemLogQuery.StartCursor(query.Since).Encode();
            page = page with { NextCursor = resume };
        }

        return OktaLists.Array(http, page, query.Limit, r => r.Event, query.Pinned());
    }

    private static async Task<Ok<LogVerificationDto>> VerifyAsync(HttpContext http, IAuditLog log, TimeProvider clock, CancellationToken ct)
    {
        var query = SystemLogQuery.ParseWindow(http.Request.Query, clock.GetUtcNow());
        var result = await log.VerifyAsync(query.Since, query.Until, ct);
        return TypedResults.Ok(LogVerificationDto.From(query.Since, query.Until, result));
    }

    /// <summary>The entries of a chunk that pass the filter and, with display data from the inventory, the keywords.</summary>
    private static async Task<IEnumerable<StoredAuditEvent>> MatchAsync(SystemLogQuery query, List<StoredAuditEvent> chunk, IUserDirectory users, CancellationToken ct)
    {
        var matching = chunk.Where(r => query.Filter.Matches(field => Resolve(r.Event, field))).ToList();
        if (matching.Count == 0)
        {
            return [];
        }

        var profiles = await users.UsersByIdAsync(
            matching.SelectMany(r => r.Event.Target.Where(t => t.Type == AuditTypes.User).Select(t => t.Id).Append(r.Event.Actor.Id)), ct);
        (string, string)? Display(string id) =>
            profiles.TryGetValue(id, out var user) ? (user.Login, $"{user.FirstName} {user.LastName}") : null;
        return matching.Select(r => r with { Event = r.Event.WithDisplay(Display, OktaSystem) }).Where(r => query.MatchesKeywords(r.Event)).ToList();
    }

    /// <summary>The storage key inside a cursor's id (<c>bucket|key</c>).</summary>
    private static string KeyOf(string cursorId) => cursorId[(cursorId.IndexOf('|', StringComparison.Ordinal) + 1)..];

    private static FieldValue? Resolve(AuditEvent e, string field) => field switch
    {
        "eventType" => FieldValue.Text(e.EventType),
        "uuid" => FieldValue.Text(e.Uuid),
        "published" => FieldValue.Date(e.Published),
        "severity" => FieldValue.Text(e.Severity),
        "displayMessage" => FieldValue.Text(e.DisplayMessage),
        "actor.id" => FieldValue.Text(e.Actor.Id),
        "actor.type" => FieldValue.Text(e.Actor.Type),
        "actor.alternateId" => FieldValue.Text(e.Actor.AlternateId),
        "actor.displayName" => FieldValue.Text(e.Actor.DisplayName),
        "target.id" => FieldValue.Texts(e.Target.Select(t => t.Id)),
        "target.type" => FieldValue.Texts(e.Target.Select(t => t.Type)),
        "target.alternateId" => FieldValue.Texts(e.Target.Select(t => t.AlternateId)),
        "target.displayName" => FieldValue.Texts(e.Target.Select(t => t.DisplayName)),
        "outcome.result" => FieldValue.Text(e.Outcome.Result),
        "outcome.reason" => FieldValue.Text(e.Outcome.Reason),
        "client.ipAddress" => FieldValue.Text(e.Client.IpAddress),
        "client.userAgent.rawUserAgent" => FieldValue.Text(e.Client.UserAgent?.RawUserAgent),
        "authenticationContext.externalSessionId" => FieldValue.Text(e.AuthenticationContext.ExternalSessionId),
        "transaction.id" => FieldValue.Text(e.Transaction.Id),
        _ => null,
    };
}

/// <summary>The answer of <c>GET /api/v1/logs/verify</c>.</summary>
internal sealed record LogVerificationDto(
    DateTimeOffset Since, DateTimeOffset Until, bool Intact, int Buckets, long Entries, ChainBreakDto? FirstBreak, IReadOnlyList<BucketHead> Heads)
{
    public static LogVerificationDto From(DateTimeOffset since, DateTimeOffset until, LogVerification result) => new(
        since, until, result.FirstBreak is null, result.Buckets, result.Entries,
        result.FirstBreak is { } b ? new ChainBreakDto(b.Bucket, b.Sequence, b.Key, b.Reason) : null,
        result.Heads);
}

/// <summary>The first entry whose chain does not hold: its bucket, sequence number, key (when it exists) and why.</summary>
internal sealed record ChainBreakDto(string Bucket, long Sequence, string? Key, string Reason);
