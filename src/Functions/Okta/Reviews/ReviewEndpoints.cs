using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Domain.Reviews.Queries;
using AccessReviewFunctions.Functions.Idempotency;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Okta.Lists;
using AccessReviewFunctions.Functions.Reviews;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessReviewFunctions.Functions.Okta.Reviews;

/// <summary>
/// Okta security access reviews, the review itself: create and change (admin only), list, stats, read, history,
/// actions, comment, summary and principal, on both the admin and the "my" routes (<see cref="OktaScope"/>).
/// </summary>
internal static class ReviewEndpoints
{
    public static void MapReviews(this IEndpointRouteBuilder app)
    {
        var (admin, mine) = OktaScope.Groups(app);
        admin.MapPost("/", CreateAsync).WithMetadata(IdempotentRoute.Instance);
        admin.MapPatch("/{reviewId}", UpdateAsync);
        foreach (var group in new[] { admin, mine })
        {
            group.MapGet("/", ListAsync);
            group.MapGet("/stats", StatsAsync);
            group.MapGet("/{reviewId}", GetAsync);
            group.MapGet("/{reviewId}/history", HistoryAsync);
            group.MapGet("/{reviewId}/actions", ActionsAsync);
            group.MapPost("/{reviewId}/actions", ActAsync);
            group.MapPost("/{reviewId}/comment", CommentAsync).WithMetadata(IdempotentRoute.Instance);
            group.MapPost("/{reviewId}/summary", SummaryAsync);
            group.MapGet("/{reviewId}/principal", PrincipalAsync);
        }
    }

    private static async Task<Created<ReviewDto>> CreateAsync(CreateReviewRequest? body, OktaScope scope, ReviewService reviews, IUserDirectory users, CancellationToken ct)
    {
        var request = body ?? throw DomainException.Validation(Fields.Body, ViolationCode.Required, "a security access review is required");
        var review = await reviews.CreateAsync(ReviewMapper.ToDomain(request), scope.CallerId, ct);
        return TypedResults.Created($"{OktaScope.AdminBase}/{review.Id}", await ToDtoAsync(review.State, scope, users, ct));
    }

    private static async Task<Ok<ReviewDto>> UpdateAsync(string reviewId, PatchReviewRequest? body, OktaScope scope, ReviewService reviews, IUserDirectory users, CancellationToken ct)
    {
        var patch = ReviewMapper.ToDomain(body ?? throw DomainException.Validation(Fields.Body, ViolationCode.Required, "the fields to change are required"));
        var review = await reviews.UpdateAsync(reviewId, patch, scope.CallerId, ct);
        return TypedResults.Ok(await ToDtoAsync(review.State, scope, users, ct));
    }

    private static async Task<Ok<ListDto<ReviewDto>>> ListAsync(
        HttpContext http, OktaScope scope, ReviewQueries queries, string? filter, string? orderBy, string? limit, string? after, CancellationToken ct)
    {
        var request = ListRequest.Parse(filter, orderBy, limit, after, ReviewListQuery.Filters, ReviewListQuery.Sorts);
        var result = await queries.ListAsync(scope.Reviews, request, ct);
        return OktaLists.Data(http, result.Page, request.Page.Limit, r => ReviewMapper.ToDto(r, result.Users, scope.BasePath));
    }

    private static async Task<Ok<ReviewStatsDto>> StatsAsync(OktaScope scope, ReviewQueries queries, CancellationToken ct) =>
        TypedResults.Ok(ReviewMapper.ToDto(await queries.StatsAsync(scope.Reviews, ct)));

    private static async Task<Ok<ReviewDto>> GetAsync(string reviewId, OktaScope scope, ReviewService reviews, IUserDirectory users, CancellationToken ct) =>
        TypedResults.Ok(await ToDtoAsync((await reviews.GetAsync(scope.Reviews, reviewId, ct)).State, scope, users, ct));

    private static async Task<Ok<ListDto<HistoryEntryDto>>> HistoryAsync(string reviewId, OktaScope scope, ReviewService reviews, IUserDirectory users, CancellationToken ct)
    {
        var history = await reviews.HistoryAsync(scope.Reviews, reviewId, ct);
        var actors = await users.UsersByIdAsync(history.Select(h => h.ActorId).OfType<string>(), ct);
        return TypedResults.Ok(new ListDto<HistoryEntryDto>(
            [.. history.Select(h => ReviewMapper.ToDto(h, actors))],
            new Dictionary<string, LinkDto> { ["self"] = OktaLinks.Link($"{scope.BasePath}/{reviewId}/history", "GET") }));
    }

    private static async Task<Ok<ListDto<ActionDto>>> ActionsAsync(string reviewId, OktaScope scope, ReviewService reviews, CancellationToken ct)
    {
        var review = await reviews.GetAsync(scope.Reviews, reviewId, ct);
        return TypedResults.Ok(new ListDto<ActionDto>(
            [.. review.AvailableActions.Select(a => new ActionDto(a.ToString()))],
            new Dictionary<string, LinkDto> { ["self"] = OktaLinks.Link($"{scope.BasePath}/{reviewId}/actions", "GET", "POST") }));
    }

    private static async Task<NoContent> ActAsync(string reviewId, ActionRequest? body, OktaScope scope, ReviewService reviews, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body?.ActionType))
        {
            throw DomainException.Validation(Fields.ReviewAction, ViolationCode.Required, "is required");
        }

        await reviews.ActAsync(scope.Reviews, reviewId, body.ActionType, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> CommentAsync(string reviewId, CommentRequest? body, OktaScope scope, ReviewService reviews, CancellationToken ct)
    {
        await reviews.CommentAsync(scope.Reviews, reviewId, body?.Comment, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SummaryDto>> SummaryAsync(string reviewId, OktaScope scope, ReviewQueries queries, CancellationToken ct) =>
        TypedResults.Ok(new SummaryDto(await queries.ReviewSummaryAsync(scope.Reviews, reviewId, ct)));

    private static async Task<Ok<PrincipalDetailsDto>> PrincipalAsync(string reviewId, OktaScope scope, ReviewQueries queries, CancellationToken ct) =>
        TypedResults.Ok(ReviewMapper.ToDto(await queries.PrincipalAsync(scope.Reviews, reviewId, ct), scope.BasePath));

    private static async Task<ReviewDto> ToDtoAsync(ReviewSnapshot review, OktaScope scope, IUserDirectory users, CancellationToken ct) =>
        ReviewMapper.ToDto(review, await users.UsersByIdAsync(review.ReviewerIds, ct), scope.BasePath);
}
