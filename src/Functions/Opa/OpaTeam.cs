using AccessReviewFunctions.Domain.Errors;

namespace AccessReviewFunctions.Functions.Opa;

/// <summary>
/// The team (tenant) of an OPA request: the route's team_name, which must be the team of the caller's token (claim
/// "team"); any other team does not exist for the caller. The routes need the role security_admin.
/// </summary>
internal static class OpaTeam
{
    public const string Claim = "team";
    public const string SecurityAdmin = "security_admin";

    public static string Require(HttpContext http, string teamName)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.FindFirst(Claim)?.Value is { } team && string.Equals(team, teamName, StringComparison.Ordinal)
            ? team
            : throw DomainException.NotFound($"team {teamName}");
    }
}
