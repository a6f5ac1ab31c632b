using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Querying;
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
        admin.MapPost("/", CreateAsync).WithName("createSecurityAccessReview").WithMetadata(IdempotentRoute.Instance);
        admin.MapPatch("/{reviewId}", UpdateAsync).WithName("updateSecurityAccessReview");
        foreach (var (group, my) in OktaScope.Named(admin, mine))
        {
            group.MapGet("/", ListAsync).WithName($"list{my}SecurityAccessReviews");
            group.MapGet("/stats", StatsAsync).WithName($"get{my}SecurityAccessReviewsStats");
            group.MapGet("/{reviewId}", GetAsync).WithName($"get{my}SecurityAccessReview");
            group.MapGet("/{reviewId}/history", HistoryAsync).WithName($"list{my}SecurityAccessReviewHistory");
            group.MapGet("/{reviewId}/actions", ActionsAsync).WithName($"list{my}SecurityAccessReviewActions");
            group.MapPost("/{reviewId}/actions", ActAsync).WithName($"execute{my}SecurityAccessReviewAction");
            group.MapPost("/{reviewId}/comment", CommentAsync).WithName($"add{my}SecurityAccessReviewComment").WithMetadata(IdempotentRoute.Instance);
            group.MapPost("/{reviewId}/summary", SummaryAsync).WithName($"generate{my}SecurityAccessReviewSummary");
            group.MapGet("/{reviewId}/principal", PrincipalAsync).WithName($"get{my}SecurityAccessReviewPrincipalDetails");
        }
    }

    /// <summary>202 with the review, PENDING while its access is gathered, as Okta answers.</summary>
    private static async Task<Accepted<ReviewDto>> CreateAsync(
        CreateReviewRequest? body, OktaScope scope, ReviewService reviews, IUserDirectory users, HttpRequest http, CancellationToken ct)
    {
        var request = ReviewMapper.ToDomain(body ?? throw DomainException.Validation(Fields.Body, ViolationCode.Required, "a security access review is required"));
        var key = http.Headers[IdempotencyKeys.Header].ToString();
        var review = key.Length > 0
            ? await reviews.CreateOnceAsync(request, scope.CallerId, key, scope.Reviews.Origin, ct)
            : await reviews.CreateAsync(request, scope.CallerId, ct, origin: scope.Reviews.Origin);
        return TypedResults.Accepted(new Uri(scope.Href($"/{review.Id}")), await ToDtoAsync(review.State, scope, users, ct));
    }

    private static async Task<Ok<ReviewDto>> UpdateAsync(string reviewId, PatchReviewRequest? body, OktaScope scope, ReviewService reviews, IUserDirectory users, CancellationToken ct)
    {
        var patch = ReviewMapper.ToDomain(body ?? throw DomainException.Validation(Fields.Body, ViolationCode.Required, "the fields to change are required"));
        var review = await reviews.UpdateAsync(reviewId, patch, scope.CallerId, scope.Reviews.Origin, ct);
        return TypedResults.Ok(await ToDtoAsync(review.State, scope, users, ct));
    }

    private static async Task<Ok<ListDto<ReviewDto>>> ListAsync(
        HttpContext http, OktaScope scope, ReviewQueries queries, string? filter, string? orderBy, string? limit, string? after, CancellationToken ct)
    {
        var request = ListRequest.Parse(filter, orderBy, limit, after, ReviewListQuery.Filters, ReviewListQuery.Sorts);
        var result = await queries.ListAsync(scope.Reviews, request, ct);
        return OktaLists.Data(http, result.Page, request.Page.Limit, r => ReviewMapper.ToDto(r, result.Users, scope));
    }

    private static async Task<Ok<ReviewStatsDto>> StatsAsync(OktaScope scope, ReviewQueries queries, CancellationToken ct) =>
        TypedResults.Ok(ReviewMapper.ToDto(await queries.StatsAsync(scope.Reviews, ct)));

    private static async Task<Ok<ReviewDto>> GetAsync(string reviewId, OktaScope scope, ReviewService reviews, IUserDirectory users, CancellationToken ct) =>
        TypedResults.Ok(await ToDtoAsync((await reviews.GetAsync(scope.Reviews, reviewId, ct)).State, scope, users, ct));

    /// <summary>The history in the order it happened, paged like every list (limit 1..200, default 20; after; next link).</summary>
    private static async Task<Ok<ListDto<HistoryEntryDto>>> HistoryAsync(
        string reviewId, HttpContext http, OktaScope scope, ReviewService reviews, IUserDirectory users, string? limit, string? after, CancellationToken ct)
    {
        var request = PageRequest.Parse(limit, after, HistoryOrder.OrderBy);
        var history = await reviews.HistoryAsync(scope.Reviews, reviewId, ct);
        var page = Paging.TakePage([.. history.Select((entry, index) => (Entry: entry, Index: index))], request, HistoryOrder);
        var actors = await users.UsersByIdAsync(page.Items.Select(h => h.Entry.ActorId).OfType<string>(), ct);
        return OktaLists.Data(http, page, request.Limit, h => ReviewMapper.ToDto(h.Entry, actors));
    }

    /// <summary>History rows are stored in the order of the revisions that made them, and only ever appended.</summary>
    private static readonly RowOrder<(HistoryEntry Entry, int Index)> HistoryOrder =
        new(new OrderBy("revision", SortDirection.Asc), h => SortKey.Of((decimal)h.Index), h => h.Entry.Id);

    private static async Task<Ok<ListDto<ActionDto>>> ActionsAsync(string reviewId, OktaScope scope, ReviewService reviews, CancellationToken ct)
    {
        var review = await reviews.GetAsync(scope.Reviews, reviewId, ct);
        return TypedResults.Ok(new ListDto<ActionDto>(
            ReviewMapper.Listed(review.AvailableActions),
            new Dictionary<string, LinkDto> { ["self"] = OktaLinks.Link(scope.Href($"/{reviewId}/actions"), "GET", "POST") }));
    }

    /// <summary>202, as Okta answers: the action is recorded; its work (a large restore, the logout) follows.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2234:Pass system uri objects instead of strings", Justification = "No Location: the action has no resource of its own.")]
    private static async Task<Accepted> ActAsync(string reviewId, ActionRequest? body, OktaScope scope, ReviewService reviews, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body?.ActionType))
        {
            throw DomainException.Validation(Fields.ReviewAction, ViolationCode.Required, "is required");
        }

        await reviews.ActAsync(scope.Reviews, reviewId, body.ActionType, ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<NoContent> CommentAsync(string reviewId, CommentRequest? body, OktaScope scope, ReviewService reviews, CancellationToken ct)
    {
        await reviews.CommentAsync(scope.Reviews, reviewId, body?.Comment, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SummaryDto>> SummaryAsync(string reviewId, OktaScope scope, ReviewQueries queries, CancellationToken ct) =>
        TypedResults.Ok(new SummaryDto(await queries.ReviewSummaryAsync(scope.Reviews, reviewId, ct)));

    private static async Task<Ok<PrincipalDetailsDto>> PrincipalAsync(string reviewId, OktaScope scope, ReviewQueries queries, CancellationToken ct) =>
        TypedResults.Ok(ReviewMapper.ToDto(await queries.PrincipalAsync(scope.Reviews, reviewId, ct), scope));

    private static async Task<ReviewDto> ToDtoAsync(ReviewSnapshot review, OktaScope scope, IUserDirectory users, CancellationToken ct) =>
        ReviewMapper.ToDto(review, await users.UsersByIdAsync(review.ReviewerIds, ct), scope);
}
