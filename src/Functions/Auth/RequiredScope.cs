using System.Security.Claims;
using AccessReviewFunctions.Functions.Okta;
using Microsoft.AspNetCore.Authorization;

namespace AccessReviewFunctions.Functions.Auth;

/// <summary>The scope a route needs, as endpoint metadata (set on a route group): Read for GET and HEAD, Manage for any other method.</summary>
internal sealed record RequiredScope(string Read, string Manage)
{
    public string For(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? Read : Manage;
}

/// <summary>
/// A caller holds a scope when one of its roles grants it and, if its token carries scopes (Okta's <c>scp</c> list,
/// or a space-separated <c>scp</c> or <c>scope</c>), the token names it too.
/// </summary>
internal static class CallerScopes
{
    public static bool Hold(ClaimsPrincipal user, string scope)
    {
        if (!OktaScopes.Grants(user.FindAll(Roles.ClaimType).Select(c => c.Value), scope))
        {
            return false;
        }

        var carried = user.FindAll(c => c.Type is "scp" or "scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        return carried.Count == 0 || carried.Contains(scope, StringComparer.Ordinal);
    }
}

/// <summary>
/// Every authorised route's requirement: the caller holds the scope its <see cref="RequiredScope"/> names for the method,
/// or, on a route that names none, the <paramref name="fallback"/> scope (the admin policy's: an admin-only route
/// without scope metadata stays admin-only).
/// </summary>
internal sealed class ScopeRequirement(RequiredScope? fallback = null) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public RequiredScope? Fallback { get; } = fallback;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        var named = http?.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>() ?? requirement.Fallback;
        var required = http is null ? requirement.Fallback?.Manage : named?.For(http.Request.Method);
        if (required is null || CallerScopes.Hold(context.User, required))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
