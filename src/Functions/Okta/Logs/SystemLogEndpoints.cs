using AccessReviewFunctions.Domain.Audit;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Okta.Lists;
using AccessReviewFunctions.Functions.Reviews;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessReviewFunctions.Functions.Okta.Logs;

/// <summary>
/// <c>GET /api/v1/logs</c>: Okta's System Log API over the review lifecycle's audit rows (SUPER_ADMIN).
/// since/until bound the published time ([since, until)); filter, q, sortOrder, limit and the after cursor
/// work as in Okta; the next page is in <c>Link: &lt;…&gt;; rel="next"</c>, given only when there is one.
/// </summary>
internal static class SystemLogEndpoints
{
    public const string Path = "/api/v1/logs";

    /// <summary>How Okta's System Log names the actor of what the system does by itself.</summary>
    private static readonly (string AlternateId, string DisplayName) OktaSystem = ("system@okta.com", "Okta System");

    public static void MapSystemLog(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, ListAsync).RequireAuthorization(Roles.AdminPolicy).WithMetadata(OktaScopes.Logs);

    private static async Task<Ok<List<AuditEvent>>> ListAsync(HttpContext http, IAuditLog log, IUserDirectory users, TimeProvider clock, CancellationToken ct)
    {
        var query = SystemLogQuery.Parse(http.Request.Query, clock.GetUtcNow());
        var (since, until) = ScanWindow(query);
        var rows = since < until ? await log.ReadAsync(since, until, ct) : [];
        var matching = rows.Where(r => query.Filter.Matches(field => Resolve(r.Event, field))).ToList();
        var profiles = await users.UsersByIdAsync(
            matching.SelectMany(r => r.Event.Target.Where(t => t.Type == AuditTypes.User).Select(t => t.Id).Append(r.Event.Actor.Id)), ct);
        (string, string)? Display(string id) =>
            profiles.TryGetValue(id, out var user) ? (user.Login, $"{user.FirstName} {user.LastName}") : null;

        var order = query.Sort();
        var shown = order.Sort(matching.Select(r => r with { Event = r.Event.WithDisplay(Display, OktaSystem) }).Where(r => query.MatchesKeywords(r.Event)));
        var page = Paging.TakePage(shown, new PageRequest(query.Limit, query.After), order);
        return OktaLists.Array(http, page, query.Limit, r => r.Event, query.Pinned());
    }

    /// <summary>The published range to read: the query's, narrowed to the cursor's side (the page makes the exact cut).</summary>
    private static (DateTimeOffset Since, DateTimeOffset Until) ScanWindow(SystemLogQuery query)
    {
        if (query.After?.Key.Date is not { } at)
        {
            return (query.Since, query.Until);
        }

        var justAfter = at < DateTimeOffset.MaxValue ? at.AddTicks(1) : at;
        return query.Descending
            ? (query.Since, justAfter < query.Until ? justAfter : query.Until)
            : (at > query.Since ? at : query.Since, query.Until);
    }

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
