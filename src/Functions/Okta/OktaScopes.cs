using AccessReviewFunctions.Functions.Auth;

namespace AccessReviewFunctions.Functions.Okta;

/// <summary>
/// Okta's OAuth 2.0 scopes on the routes this service answers (as the Governance API's OpenAPI description names them),
/// and what each role grants. A token that carries scopes is held to them as well (<see cref="CallerScopes"/>).
/// </summary>
internal static class OktaScopes
{
    public const string AdminRead = "okta.governance.securityAccessReviews.admin.read";
    public const string AdminManage = "okta.governance.securityAccessReviews.admin.manage";
    public const string EndUserRead = "okta.governance.securityAccessReviews.endUser.read";
    public const string EndUserManage = "okta.governance.securityAccessReviews.endUser.manage";
    public const string UsersRead = "okta.users.read";
    public const string LogsRead = "okta.logs.read";

    /// <summary>The admin routes: every review.</summary>
    public static readonly RequiredScope Admin = new(AdminRead, AdminManage);

    /// <summary>The "my" routes: the caller's reviews.</summary>
    public static readonly RequiredScope EndUser = new(EndUserRead, EndUserManage);

    public static readonly RequiredScope Users = new(UsersRead, UsersRead);

    public static readonly RequiredScope Logs = new(LogsRead, LogsRead);

    /// <summary>What any signed-in user may do: review what they are asked to, and look people up.</summary>
    private static readonly string[] Everyone = [EndUserRead, EndUserManage, UsersRead];

    /// <summary>
    /// True when one of <paramref name="roles"/> grants <paramref name="scope"/>. SUPER_ADMIN grants every scope; the
    /// Veza-style roles (ADMIN, OPERATOR, REVIEWER, AUDITOR read-only) take their rows here when that dialect comes.
    /// </summary>
    public static bool Grants(IEnumerable<string> roles, string scope) =>
        Everyone.Contains(scope, StringComparer.Ordinal) || roles.Contains(Roles.SuperAdmin, StringComparer.Ordinal);
}
