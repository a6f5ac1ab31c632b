using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Okta.Reviews;
using AccessReviewFunctions.Functions.Reviews;

namespace AccessReviewFunctions.Functions.Okta.Logs;

/// <summary>
/// <c>GET /api/v1/logs</c>: Okta's System Log API over the review lifecycle's audit rows (SUPER_ADMIN).
/// since/until bound the published time ([since, until)); filter, q, sortOrder, limit and the after cursor
/// work as in Okta; the next page is in <c>Link: &lt;…&gt;; rel="next"</c>, given only when there is one.
/// </summary>
internal static class SystemLogEndpoints
{
    public const string Path = "/api/v1/logs";

    public static void MapSystemLog(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, ListAsync).RequireAuthorization(Roles.AdminPolicy);

    private static async Task<IResult> ListAsync(HttpContext context, IAuditLog log, IUserDirectory inventory, TimeProvider clock, CancellationToken ct)
    {
        var query = SystemLogQuery.Parse(context.Request.Query, clock.GetUtcNow());
        var since = query.Since;
        var until = query.Until;
        if (query.After is { } after)
        {
            // Narrow the scan to the cursor's side; the exact cut is made below.
            if (query.Descending)
            {
                until = after.Published.AddTicks(1) < until ? after.Published.AddTicks(1) : until;
            }
            else
            {
                since = after.Published > since ? after.Published : since;
            }
        }

        var rows = since < until ? await log.ReadAsync(since, until, ct) : [];
        var matching = rows.Where(r => query.Filter.Matches(field => Resolve(r.Event, field))).ToList();
        var profiles = await inventory.UsersByIdAsync(matching.SelectMany(r => r.Event.Target.Where(t => t.Type == AuditTypes.User).Select(t => t.Id).Append(r.Event.Actor.Id)),
            ct);
        (string, string)? Display(string id) =>
            profiles.TryGetValue(id, out var user) ? (user.Login, $"{user.FirstName} {user.LastName}") : null;

        var ordered = matching
            .Select(r => r with { Event = r.Event.WithDisplay(Display) })
            .Where(r => query.MatchesKeywords(r.Event))
            .Select(r => (Key: KeyOf(r), Row: r))
            .Where(x => query.After is null || Compare(x.Key, query.After, query.Descending) > 0)
            .OrderBy(x => x.Key, Comparer<LogCursor>.Create((a, b) => Compare(a, b, query.Descending)))
            .Take(query.Limit + 1)
            .ToList();
        var page = ordered.Take(query.Limit).ToList();
        var self = Absolute(context, query.ToQueryString(query.After));
        var links = new List<string> { $"<{self}>; rel=\"self\"" };
        if (ordered.Count > query.Limit)
        {
            links.Add($"<{Absolute(context, query.ToQueryString(page[^1].Key))}>; rel=\"next\"");
        }

        context.Response.Headers.Append("Link", links.ToArray());
        return TypedResults.Ok(page.Select(x => x.Row.Event).ToList());
    }

    private static LogCursor KeyOf(StoredAuditEvent row) => new(row.Event.Published, row.PartitionKey, row.RowKey);

    private static int Compare(LogCursor a, LogCursor b, bool descending) =>
        descending ? LogCursor.Compare(b, a) : LogCursor.Compare(a, b);

    private static string Absolute(HttpContext context, string queryString) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{Path}{queryString}";

    private static FieldValue? Resolve(AuditEvent e, string field) => field switch
    {
        "eventType" => FieldValue.Text(e.EventType),
        "uuid" => FieldValue.Text(e.Uuid),
        "severity" => FieldValue.Text(e.Severity),
        "actor.id" => FieldValue.Text(e.Actor.Id),
        "actor.type" => FieldValue.Text(e.Actor.Type),
        "target.id" => FieldValue.Texts(e.Target.Select(t => t.Id)),
        "target.type" => FieldValue.Texts(e.Target.Select(t => t.Type)),
        "outcome.result" => FieldValue.Text(e.Outcome.Result),
        "transaction.id" => FieldValue.Text(e.Transaction.Id),
        _ => null,
    };
}
