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
        foreach (var (group, my) in OktaScope.Named(admin, mine))
        {
            group.MapGet("/{reviewId}/accesses", ListAsync).WithName($"list{my}SecurityAccessReviewAccesses");
            group.MapGet("/{reviewId}/accesses/{accessId}/sub-accesses", ListSubAccessesAsync).WithName($"list{my}SecurityAccessReviewSubAccesses");
            group.MapGet("/{reviewId}/accesses/{targetId}/anomalies", AnomaliesAsync).WithName($"list{my}SecurityAccessReviewAccessesAnomalies");
            group.MapPost("/{reviewId}/accesses/{targetId}/summary", SummaryAsync).WithName($"generate{my}SecurityAccessReviewAccessesSummary");
            group.MapPost("/{reviewId}/accesses/{targetId}/actions", DecideAsync).WithName($"execute{my}SecurityAccessReviewAccessesAction");
        }
    }

    private static async Task<Ok<ListDto<AccessItemDto>>> ListAsync(
        string reviewId, HttpContext http, OktaScope scope, ReviewQueries queries, string? filter, string? orderBy, string? limit, string? after, CancellationToken ct)
    {
        var request = ListRequest.Parse(filter, orderBy, limit, after, AccessItemListQuery.Filters, AccessItemListQuery.Sorts);
        var page = await queries.AccessItemsAsync(scope.Reviews, reviewId, request, ct);
        return OktaLists.Data(http, page, request.Page.Limit, i => AccessMapper.ToDto(reviewId, i, scope));
    }

    private static async Task<Ok<ListDto<SubAccessItemDto>>> ListSubAccessesAsync(
        string reviewId, string accessId, HttpContext http, OktaScope scope, ReviewQueries queries,
        string? filter, string? orderBy, string? limit, string? after, CancellationToken ct)
    {
        var request = ListRequest.Parse(filter, orderBy, limit, after, SubAccessItemListQuery.Filters, SubAccessItemListQuery.Sorts);
        var (page, parent) = await queries.SubAccessItemsAsync(scope.Reviews, reviewId, accessId, request, ct);
        return OktaLists.Data(http, page, request.Page.Limit, s => AccessMapper.ToDto(reviewId, s, parent!));
    }

    private static async Task<Ok<ListDto<AnomalyDto>>> AnomaliesAsync(string reviewId, string targetId, OktaScope scope, ReviewQueries queries, CancellationToken ct)
    {
        var anomalies = await queries.AnomaliesAsync(scope.Reviews, reviewId, targetId, ct);
        return TypedResults.Ok(new ListDto<AnomalyDto>(
            [.. anomalies.Select(AccessMapper.ToDto)],
            new Dictionary<string, LinkDto> { ["self"] = OktaLinks.Link(scope.Href($"/{reviewId}/accesses/{targetId}/anomalies"), "GET") }));
    }

    private static async Task<Ok<SummaryDto>> SummaryAsync(string reviewId, string targetId, OktaScope scope, ReviewQueries queries, CancellationToken ct) =>
        TypedResults.Ok(new SummaryDto(await queries.ItemSummaryAsync(scope.Reviews, reviewId, targetId, ct)));

    /// <summary>202, as Okta answers: the decision is recorded; a large cascade reaches every row shortly after.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2234:Pass system uri objects instead of strings", Justification = "No Location: the action has no resource of its own.")]
    private static async Task<Accepted> DecideAsync(string reviewId, string targetId, ItemActionRequest? body, OktaScope scope, ReviewService reviews, CancellationToken ct)
    {
        await reviews.DecideAsync(scope.Reviews, reviewId, targetId, body?.Type, ct);
        return TypedResults.Accepted((string?)null);
    }
}
