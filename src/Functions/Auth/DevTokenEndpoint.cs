using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text.Json.Serialization;
using AccessReviewFunctions.Functions.Okta;
using Microsoft.IdentityModel.Tokens;

namespace AccessReviewFunctions.Functions.Auth;

/// <summary>POST /dev/token: signs a token with the development key. Mapped only when Auth:DevTokens is true and no Authority is set.</summary>
internal static class DevTokenEndpoint
{
    internal sealed record Request(
        [property: JsonPropertyName("sub")] string? Sub,
        [property: JsonPropertyName("roles")] string[]? Roles,
        [property: JsonPropertyName("team")] string? Team = null);

    internal sealed record Response(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    public static void MapDevTokens(this IEndpointRouteBuilder app, AuthOptions options)
    {
        if (!options.DevTokens || !options.UsesSigningKey)
        {
            return;
        }

        // Token lifetimes are checked by the JWT handler against the real clock, so they are issued on it too,
        // whatever TimeProvider drives the workflows.
        app.MapPost("/dev/token", (Request? request) =>
        {
            if (request is null || string.IsNullOrWhiteSpace(request.Sub))
            {
                return OktaErrors.Validation(["sub: a user id is required"]);
            }

            return TypedResults.Ok(Issue(options, request.Sub, request.Roles ?? [], TimeProvider.System.GetUtcNow(), request.Team));
        }).AllowAnonymous();
    }

    /// <summary>A token for the subject with the roles and, for the OPA routes, the team (tenant) it belongs to.</summary>
    public static Response Issue(AuthOptions options, string subject, IEnumerable<string> roles, DateTimeOffset now, string? team = null)
    {
        // Each dev token is a sign-in of its own: its session id (sid) correlates the System Log events it causes.
        var claims = new List<Claim> { new(Auth.Roles.SubjectClaim, subject), new(Hosting.RequestOrigins.SessionClaim, "dev" + Guid.NewGuid().ToString("N")[..20]) };
        if (!string.IsNullOrWhiteSpace(team))
        {
            claims.Add(new Claim(Opa.OpaTeam.Claim, team));
        }

        claims.AddRange(roles.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => new Claim(Auth.Roles.ClaimType, r)));
        var token = new JwtSecurityToken(
            issuer: options.Issuer,
            audience: options.Audience,
            claims: claims,
            notBefore: now.UtcDateTime.AddMinutes(-1),
            expires: now.UtcDateTime.Add(options.DevTokenLifetime),
            signingCredentials: new SigningCredentials(AuthSetup.SigningKey(options), SecurityAlgorithms.HmacSha256));
        return new Response(new JwtSecurityTokenHandler().WriteToken(token), "Bearer", (int)options.DevTokenLifetime.TotalSeconds);
    }
}
