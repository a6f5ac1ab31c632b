using AccessReviewFunctions.Functions.Opa.AccessReports;

namespace AccessReviewFunctions.Functions.Opa;

/// <summary>The Okta Privileged Access dialect, one folder per resource: access reports; its error body and field names.</summary>
internal static class OpaDialect
{
    public const string TeamBase = "/v1/teams/{team_name}";

    public static void MapOpa(this IEndpointRouteBuilder app)
    {
        var team = app.MapGroup(TeamBase).RequireAuthorization(p => p.RequireAuthenticatedUser().RequireRole(OpaTeam.SecurityAdmin)).WithOpaErrors();
        team.MapAccessReports();
    }
}
