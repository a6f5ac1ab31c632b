using AccessReviewFunctions.Domain.Reviews.Queries;
using AccessReviewFunctions.Functions.Okta.Lists;
using AccessReviewFunctions.Functions.Okta.Reviews;
using AccessReviewFunctions.Functions.Reviews;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessReviewFunctions.Functions.Okta.Accesses;

/// <summary>
/// A review's access items and their sub-access items: the lists with filter, orderBy and keyset paging, anomalies,
/// summaries and the reviewers' decisions, on both the admin and the "my" routes (<see cref="OktaScope"/>).
/// </summary>
internal static class AccessEndpoints
{
    public static void MapAccesses(this IEndpointRouteBuilder app)
    {
        var (admin, mine) = OktaScope.Groups(app);
        foreach (var group in new[] { admin, mine })
        {
            group.MapGet("/{reviewId}/accesses", ListAsync);
            group.MapGet("/{reviewId}/accesses/{accessId}/sub-accesses", ListSubAccessesAsync);
            group.MapGet("/{reviewId}/accesses/{targetId}/anomalies", AnomaliesAsync);
            group.MapPost("/{reviewId}/accesses/{targetId}/summary", SummaryAsync);
            group.MapPost("/{reviewId}/accesses/{targetId}/actions", DecideAsync);
        }
    }

    private static async Task<Ok<ListDto<AccessItemDto>>> ListAsync(
        string reviewId, HttpContext http, OktaScope scope, ReviewQueries queries, string? filter, string? orderBy, string? limit, string? after, CancellationToken ct)
    {
        var request = ListRequest.Parse(filter, orderBy, limit, after, AccessItemListQuery.Filters, AccessItemListQuery.Sorts);
        var page = await queries.AccessItemsAsync(scope.Reviews, reviewId, request, ct);
        return OktaLists.Data(http, page, request.Page.Limit, i => AccessMapper.ToDto(reviewId, i));
    }

    private static async Task<Ok<ListDto<SubAccessItemDto>>> ListSubAccessesAsync(
        string reviewId, string accessId, HttpContext http, OktaScope scope, ReviewQueries queries,
        string? filter, string? orderBy, string? limit, string? after, CancellationToken ct)
    {
        var request = ListRequest.Parse(filter, orderBy, limit, after, SubAccessItemListQuery.Filters, SubAccessItemListQuery.Sorts);
        var (page, parent) = await queries.SubAccessItemsAsync(scope.Reviews, reviewId, accessId, request, ct);
        return OktaLists.Data(http, page, request.Page.Limit, s => AccessMapper.ToDto(reviewId, s, parent));
    }

    private static async Task<Ok<ListDto<AnomalyDto>>> AnomaliesAsync(string reviewId, string targetId, OktaScope scope, ReviewQueries queries, CancellationToken ct)
    {
        var anomalies = await queries.AnomaliesAsync(scope.Reviews, reviewId, targetId, ct);
        return TypedResults.Ok(new ListDto<AnomalyDto>(
            [.. anomalies.Select(AccessMapper.ToDto)],
            new Dictionary<string, LinkDto> { ["self"] = OktaLinks.Link($"{scope.BasePath}/{reviewId}/accesses/{targetId}/anomalies", "GET") }));
    }

    private static async Task<Ok<SummaryDto>> SummaryAsync(string reviewId, string targetId, OktaScope scope, ReviewQueries queries, CancellationToken ct) =>
        TypedResults.Ok(new SummaryDto(await queries.ItemSummaryAsync(scope.Reviews, reviewId, targetId, ct)));

    private static async Task<NoContent> DecideAsync(string reviewId, string targetId, ItemActionRequest? body, OktaScope scope, ReviewService reviews, CancellationToken ct)
    {
        await reviews.DecideAsync(scope.Reviews, reviewId, targetId, body?.Type, ct);
        return TypedResults.NoContent();
    }
}
