using System.Security.Claims;

namespace AccessReviewFunctions.Functions.Auth;

/// <summary>The authenticated user making a request.</summary>
internal sealed record Caller(string UserId, bool IsAdmin)
{
    public static Caller From(ClaimsPrincipal user) =>
        new(user.FindFirstValue(Roles.SubjectClaim) ?? throw new InvalidOperationException("An authenticated user has no sub claim"),
            user.IsInRole(Roles.SuperAdmin));
}
