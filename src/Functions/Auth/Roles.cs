namespace AccessReviewFunctions.Functions.Auth;

internal static class Roles
{
    public const string SuperAdmin = "SUPER_ADMIN";
    public const string Reviewer = "REVIEWER";
    /// <summary>The policy of admin-only routes: the scope the route names (<see cref="RequiredScope"/>), or the admin scope when it names none; among roles only SUPER_ADMIN grants it.</summary>
    public const string AdminPolicy = "SuperAdmin";
    public const string ClaimType = "roles";
    public const string SubjectClaim = "sub";
}
