using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Auth;

/// <summary>
/// Okta's API token scheme, <c>Authorization: SSWS &lt;token&gt;</c>: the token's SHA-256 is compared (in constant time)
/// with the hashes in Auth:ApiTokens, so no token is stored in clear; a match acts as its configured user and roles.
/// </summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "SSWS";
    private const string Prefix = SchemeName + " ";

    public static bool Carries(HttpRequest request) => request.Headers.Authorization.ToString().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Carries(Request))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(Request.Headers.Authorization.ToString()[Prefix.Length..].Trim()));
        var match = auth.Value.ApiTokens.FirstOrDefault(t => CryptographicOperations.FixedTimeEquals(presented, Convert.FromHexString(t.Sha256)));
        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid token provided"));
        }

        var claims = match.Roles.Select(r => new Claim(Roles.ClaimType, r)).Prepend(new Claim(Roles.SubjectClaim, match.Subject));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, Roles.SubjectClaim, Roles.ClaimType));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
