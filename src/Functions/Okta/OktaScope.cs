using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Hosting;

namespace AccessReviewFunctions.Functions.Okta;

/// <summary>
/// The reviews a request may see, from the route group it came in on: the admin routes (SUPER_ADMIN) every review,
/// the "my" routes only the caller's. Both groups map the same handlers; this parameter tells them apart.
/// </summary>
internal sealed record OktaScope(ReviewScope Reviews, string BasePath, string Origin)
{
    public const string AdminBase = "/governance/api/v2/security-access-reviews";
    public const string MyBase = "/governance/api/v2/my/security-access-reviews";

    public string CallerId => Reviews.CallerId;

    /// <summary>The absolute URL of a path under this group's base (links are absolute, as Okta's are).</summary>
    public string Href(string relative = "") => Origin + BasePath + relative;

    /// <summary>The absolute URL of a path on this host.</summary>
    public string Url(string path) => Origin + path;

    public static ValueTask<OktaScope?> BindAsync(HttpContext context)
    {
        var caller = Caller.From(context.User).UserId;
        var admin = context.GetEndpoint()?.Metadata.GetMetadata<AdminRoutes>() is not null;
        var origin = Lists.OktaLinks.Absolute(context.Request, string.Empty);
        var scope = (admin ? ReviewScope.Admin(caller) : ReviewScope.Mine(caller)) with { Origin = RequestOrigins.From(context) };
        return ValueTask.FromResult<OktaScope?>(new(scope, admin ? AdminBase : MyBase, origin));
    }

    /// <summary>The admin group (SUPER_ADMIN) and the "my" group (any user), for routes both serve, tagged and with the errors they answer as Okta's description has them.</summary>
    public static (RouteGroupBuilder Admin, RouteGroupBuilder Mine) Groups(IEndpointRouteBuilder app) =>
        (Described(app.MapGroup(AdminBase).RequireAuthorization(Roles.AdminPolicy).WithMetadata(new AdminRoutes(), OktaScopes.Admin), "Security Access Reviews"),
         Described(app.MapGroup(MyBase).RequireAuthorization().WithMetadata(OktaScopes.EndUser), "My Security Access Reviews"));

    /// <summary>Both groups with the word Okta's operation ids put after the verb ("listSecurityAccessReviews", "listMySecurityAccessReviews").</summary>
    public static IEnumerable<(RouteGroupBuilder Group, string My)> Named(RouteGroupBuilder admin, RouteGroupBuilder mine) => [(admin, ""), (mine, "My")];

    private static RouteGroupBuilder Described(RouteGroupBuilder group, string tag) =>
        group.WithTags(tag).WithMetadata([.. ErrorStatuses.Select(s => new ProducesResponseTypeMetadata(s, typeof(OktaError), JsonContent))]);

    private static readonly int[] ErrorStatuses = [400, 401, 403, 404, 429, 500];
    private static readonly string[] JsonContent = ["application/json"];

    private sealed class AdminRoutes;
}
