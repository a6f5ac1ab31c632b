using AccessReviewFunctions.Domain.Reviews;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Oracle.PriorActions;

namespace AccessReviewFunctions.Functions.Oracle;

/// <summary>
/// The Oracle Access Governance dialect, one folder per resource: access review prior actions; its error body
/// (<see cref="OracleErrors"/>) and request ids (<see cref="OracleRequestIds"/>). Any signed-in user may call it: a
/// SUPER_ADMIN sees every review's items, anyone else the items of reviews they review.
/// </summary>
internal static class OracleDialect
{
    public const string Base = "/access-governance";
    public const string AccessReviewsBase = Base + "/access-reviews/20250331/accessReviews";

    /// <summary>True for a request to this dialect's routes: its errors answer in Oracle's body.</summary>
    public static bool Owns(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments(Base, StringComparison.OrdinalIgnoreCase);
    }

    public static ReviewScope Scope(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var caller = Caller.From(http.User).UserId;
        return http.User.IsInRole(Roles.SuperAdmin) ? ReviewScope.Admin(caller) : ReviewScope.Mine(caller);
    }

    public static void MapOracle(this IEndpointRouteBuilder app)
    {
        var reviews = app.MapGroup(AccessReviewsBase).RequireAuthorization().WithOracleErrors().WithTags("Oracle Access Governance: Access Reviews");
        reviews.MapPriorActions();
    }
}
