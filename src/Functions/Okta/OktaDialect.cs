using AccessReviewFunctions.Functions.Okta.Accesses;
using AccessReviewFunctions.Functions.Okta.Exports;
using AccessReviewFunctions.Functions.Okta.Logs;
using AccessReviewFunctions.Functions.Okta.Reviews;
using AccessReviewFunctions.Functions.Okta.Users;

namespace AccessReviewFunctions.Functions.Okta;

/// <summary>
/// The Okta dialect, one folder per resource: security access reviews and their accesses on the admin and "my"
/// routes, evidence exports of a review, the Users API over the inventory, the System Log; its error body, field paths
/// and rate-limit headers.
/// </summary>
internal static class OktaDialect
{
    public static void MapOkta(this IEndpointRouteBuilder app)
    {
        app.MapReviews();
        app.MapAccesses();
        app.MapExports();
        app.MapUsers();
        app.MapSystemLog();
    }
}
