using System.Globalization;
using System.Security.Claims;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Queries;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Reviews;
using Microsoft.AspNetCore.WebUtilities;

namespace AccessReviewFunctions.Functions.Okta.Reviews;

/// <summary>
/// The read routes of Okta security access reviews on both the admin and the "my" base paths: the list with
/// filter, orderBy and keyset paging, stats, principal details, access and sub-access items, anomalies and
/// summaries. Lists answer with <c>_links.self</c>/<c>_links.next</c> and an RFC 8288 <c>Link</c> header.
/// </summary>
internal static class ReviewReadEndpoints
{
    public static void MapSecurityAccessReviewReads(this IEndpointRouteBuilder app)
    {
        var queries = app.ServiceProvider.GetRequiredService<ReviewQueries>();

        var admin = app.MapGroup(ReviewEndpoints.AdminBase).RequireAuthorization(Roles.AdminPolicy);
        Map(admin, queries, ReviewEndpoints.AdminBase, user => ReviewScope.Admin(Caller.From(user).UserId));

        var mine = app.MapGroup(ReviewEndpoints.MyBase).RequireAuthorization();
        Map(mine, queries, ReviewEndpoints.MyBase, user => ReviewScope.Mine(Caller.From(user).UserId));
    }

    private static void Map(RouteGroupBuilder group, ReviewQueries queries, string basePath, Func<ClaimsPrincipal, ReviewScope> scopeOf)
    {
        group.MapGet("/", async (HttpContext http, ClaimsPrincipal user, string? filter, string? orderBy, string? limit, string? after, CancellationToken ct) =>
        {
            var request = ListRequest.Parse(filter, orderBy, limit, after, ReviewListQuery.Filters, ReviewListQuery.Sorts);
            var result = await queries.ListAsync(scopeOf(user), request, ct);
            return List(http, result.Page, request, r => ReviewMapper.ToDto(r, result.Users, basePath));
        });

        group.MapGet("/stats", async (ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(AccessItemMapper.ToDto(await queries.StatsAsync(scopeOf(user), ct))));

        group.MapPost("/{reviewId}/summary", async (string reviewId, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(new SummaryDto(await queries.ReviewSummaryAsync(scopeOf(user), reviewId, ct))));

        group.MapGet("/{reviewId}/principal", async (string reviewId, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(AccessItemMapper.ToDto(await queries.PrincipalAsync(scopeOf(user), reviewId, ct), basePath)));

        group.MapGet("/{reviewId}/accesses", async (
            string reviewId, HttpContext http, ClaimsPrincipal user, string? filter, string? orderBy, string? limit, string? after, CancellationToken ct) =>
        {
            var request = ListRequest.Parse(filter, orderBy, limit, after, AccessItemListQuery.Filters, AccessItemListQuery.Sorts);
            var page = await queries.AccessItemsAsync(scopeOf(user), reviewId, request, ct);
            return List(http, page, request, AccessItemMapper.ToDto);
        });

        group.MapGet("/{reviewId}/accesses/{accessId}/sub-accesses", async (
            string reviewId, string accessId, HttpContext http, ClaimsPrincipal user, string? filter, string? orderBy, string? limit, string? after, CancellationToken ct) =>
        {
            var request = ListRequest.Parse(filter, orderBy, limit, after, SubAccessItemListQuery.Filters, SubAccessItemListQuery.Sorts);
            var (page, parent) = await queries.SubAccessItemsAsync(scopeOf(user), reviewId, accessId, request, ct);
            return List(http, page, request, s => AccessItemMapper.ToDto(s, parent));
        });

        group.MapGet("/{reviewId}/accesses/{targetId}/anomalies", async (string reviewId, string targetId, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var anomalies = await queries.AnomaliesAsync(scopeOf(user), reviewId, targetId, ct);
            return TypedResults.Ok(new { data = anomalies.Select(AccessItemMapper.ToDto).ToList() });
        });

        group.MapPost("/{reviewId}/accesses/{targetId}/summary", async (string reviewId, string targetId, ClaimsPrincipal user, CancellationToken ct) =>
            TypedResults.Ok(new SummaryDto(await queries.ItemSummaryAsync(scopeOf(user), reviewId, targetId, ct))));
    }

    /// <summary>The page as <c>{data, _links}</c> with self and (when more rows remain) next, also as a <c>Link</c> header.</summary>
    private static IResult List<TRow, TDto>(HttpContext http, Page<TRow> page, ListRequest request, Func<TRow, TDto> map)
    {
        var httpRequest = http.Request;
        var path = $"{httpRequest.Scheme}://{httpRequest.Host}{httpRequest.PathBase}{httpRequest.Path}";
        var self = path + httpRequest.QueryString;
        var links = new Dictionary<string, LinkDto> { ["self"] = ReviewMapper.Link(self, "GET") };
        http.Response.Headers.Append("Link", $"<{self}>; rel=\"self\"");
        if (page.NextCursor is not null)
        {
            var query = httpRequest.Query
                .Where(q => q.Key is not ("after" or "limit"))
                .Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString()))
                .Append(KeyValuePair.Create("limit", (string?)request.Page.Limit.ToString(CultureInfo.InvariantCulture)))
                .Append(KeyValuePair.Create("after", (string?)page.NextCursor));
            var next = QueryHelpers.AddQueryString(path, query);
            links["next"] = ReviewMapper.Link(next, "GET");
            http.Response.Headers.Append("Link", $"<{next}>; rel=\"next\"");
        }

        return TypedResults.Ok(new ListDto<TDto>(page.Items.Select(map).ToList(), links));
    }
}
