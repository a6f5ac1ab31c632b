namespace AccessReviewFunctions.Functions.Auth;

internal static class Roles
{
    public const string SuperAdmin = "SUPER_ADMIN";
    public const string Reviewer = "REVIEWER";
    public const string AdminPolicy = "SuperAdmin";
    public const string ClaimType = "roles";
    public const string SubjectClaim = "sub";
}
