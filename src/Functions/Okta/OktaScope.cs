using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Functions.Auth;

namespace AccessReviewFunctions.Functions.Okta;

/// <summary>
/// The reviews a request may see, from the route group it came in on: the admin routes (SUPER_ADMIN) every review,
/// the "my" routes only the caller's. Both groups map the same handlers; this parameter tells them apart.
/// </summary>
internal sealed record OktaScope(ReviewScope Reviews, string BasePath)
{
    public const string AdminBase = "/governance/api/v2/security-access-reviews";
    public const string MyBase = "/governance/api/v2/my/security-access-reviews";

    public string CallerId => Reviews.CallerId;

    public static ValueTask<OktaScope?> BindAsync(HttpContext context)
    {
        var caller = Caller.From(context.User).UserId;
        var admin = context.GetEndpoint()?.Metadata.GetMetadata<AdminRoutes>() is not null;
        return ValueTask.FromResult<OktaScope?>(admin ? new(ReviewScope.Admin(caller), AdminBase) : new(ReviewScope.Mine(caller), MyBase));
    }

    /// <summary>The admin group (SUPER_ADMIN) and the "my" group (any user), for routes both serve.</summary>
    public static (RouteGroupBuilder Admin, RouteGroupBuilder Mine) Groups(IEndpointRouteBuilder app) =>
        (app.MapGroup(AdminBase).RequireAuthorization(Roles.AdminPolicy).WithMetadata(new AdminRoutes(), OktaScopes.Admin),
         app.MapGroup(MyBase).RequireAuthorization().WithMetadata(OktaScopes.EndUser));

    private sealed class AdminRoutes;
}
