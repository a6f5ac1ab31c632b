using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Reviews;
using System.Security.Claims;

namespace AccessReviewFunctions.Functions.Okta.Reviews;

/// <summary>
/// Okta security access reviews: the admin routes (SUPER_ADMIN, every review) and the "my" routes (any user,
/// only reviews they review). Both share one set of handlers, parameterised by scope.
/// </summary>
internal static class ReviewEndpoints
{
    public const string AdminBase = "/governance/api/v2/security-access-reviews";
    public const string MyBase = "/governance/api/v2/my/security-access-reviews";

    public static void MapSecurityAccessReviews(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(AdminBase).RequireAuthorization(Roles.AdminPolicy);
        admin.MapPost("/", CreateAsync);
        admin.MapPatch("/{reviewId}", async (string reviewId, PatchReviewRequest? body, ClaimsPrincipal user, ReviewService reviews, IUserDirectory inventory, CancellationToken ct) =>
        {
            var patch = ReviewMapper.ToDomain(body ?? throw DomainException.Validation(Fields.Body, ViolationCode.Required, "the fields to change are required"));
            var review = await reviews.UpdateAsync(reviewId, patch, Caller.From(user).UserId, ct);
            return TypedResults.Ok(await ToDtoAsync(review.State, inventory, AdminBase, ct));
        });
        MapShared(admin, AdminBase, user => ReviewScope.Admin(Caller.From(user).UserId));

        var mine = app.MapGroup(MyBase).RequireAuthorization();
        MapShared(mine, MyBase, user => ReviewScope.Mine(Caller.From(user).UserId));
    }

    private static void MapShared(RouteGroupBuilder group, string basePath, Func<ClaimsPrincipal, ReviewScope> scopeOf)
    {
        group.MapGet("/{reviewId}", async (string reviewId, ClaimsPrincipal user, ReviewService reviews, IUserDirectory inventory, CancellationToken ct) =>
        {
            var review = await reviews.GetAsync(scopeOf(user), reviewId, ct);
            return TypedResults.Ok(await ToDtoAsync(review.State, inventory, basePath, ct));
        });

        group.MapGet("/{reviewId}/history", async (string reviewId, ClaimsPrincipal user, ReviewService reviews, IUserDirectory inventory, CancellationToken ct) =>
        {
            var history = await reviews.HistoryAsync(scopeOf(user), reviewId, ct);
            var users = await inventory.UsersByIdAsync(history.Select(h => h.ActorId).OfType<string>(), ct);
            return TypedResults.Ok(new ListDto<HistoryEntryDto>(
                history.Select(h => ReviewMapper.ToDto(h, users)).ToList(),
                new Dictionary<string, LinkDto> { ["self"] = ReviewMapper.Link($"{basePath}/{reviewId}/history", "GET") }));
        });

        group.MapGet("/{reviewId}/actions", async (string reviewId, ClaimsPrincipal user, ReviewService reviews, CancellationToken ct) =>
        {
            var review = await reviews.GetAsync(scopeOf(user), reviewId, ct);
            return TypedResults.Ok(new { data = review.AvailableActions.Select(a => new ActionDto(a.ToString())).ToList() });
        });

        group.MapPost("/{reviewId}/actions", async (string reviewId, ActionRequest? body, ClaimsPrincipal user, ReviewService reviews, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body?.ActionType))
            {
                throw DomainException.Validation(Fields.ReviewAction, ViolationCode.Required, "is required");
            }

            await reviews.ActAsync(scopeOf(user), reviewId, body.ActionType, ct);
            return TypedResults.NoContent();
        });

        group.MapPost("/{reviewId}/accesses/{targetId}/actions", async (string reviewId, string targetId, ItemActionRequest? body, ClaimsPrincipal user, ReviewService reviews, CancellationToken ct) =>
        {
            await reviews.DecideAsync(scopeOf(user), reviewId, targetId, body?.Type, ct);
            return TypedResults.NoContent();
        });

        group.MapPost("/{reviewId}/comment", async (string reviewId, CommentRequest? body, ClaimsPrincipal user, ReviewService reviews, CancellationToken ct) =>
        {
            await reviews.CommentAsync(scopeOf(user), reviewId, body?.Comment, ct);
            return TypedResults.NoContent();
        });
    }

    private static async Task<IResult> CreateAsync(CreateReviewRequest? body, ClaimsPrincipal user, ReviewService reviews, IUserDirectory inventory, CancellationToken ct)
    {
        if (body is null)
        {
            throw DomainException.Validation(Fields.Body, ViolationCode.Required, "a security access review is required");
        }

        var review = await reviews.CreateAsync(ReviewMapper.ToDomain(body), Caller.From(user).UserId, ct);
        var dto = await ToDtoAsync(review.State, inventory, AdminBase, ct);
        return TypedResults.Created($"{AdminBase}/{review.Id}", dto);
    }

    private static async Task<ReviewDto> ToDtoAsync(ReviewSnapshot review, IUserDirectory inventory, string basePath, CancellationToken ct) =>
        ReviewMapper.ToDto(review, await inventory.UsersByIdAsync(review.ReviewerIds, ct), basePath);
}
