namespace AccessReviewFunctions.Functions.Auth;

internal static class Roles
{
    public const string SuperAdmin = "SUPER_ADMIN";
    public const string Reviewer = "REVIEWER";
    /// <summary>The policy of admin-only routes: like every authorised route, the scope its group names (<see cref="RequiredScope"/>), which among roles only SUPER_ADMIN grants.</summary>
    public const string AdminPolicy = "SuperAdmin";
    public const string ClaimType = "roles";
    public const string SubjectClaim = "sub";
}
