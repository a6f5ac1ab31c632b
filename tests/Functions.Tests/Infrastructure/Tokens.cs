using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace AccessReviewFunctions.Functions.Tests.Infrastructure;

/// <summary>Tokens a test signs itself, with the claims it chooses (POST /dev/token always sets a subject).</summary>
internal static class Tokens
{
    public const string Issuer = "access-review-functions-dev";
    public const string Audience = "access-review-functions";

    public static SymmetricSecurityKey TestKey { get; } = new(Encoding.UTF8.GetBytes(ApiHost.SigningKey));

    public static string Sign(IEnumerable<(string Type, string Value)> claims, SecurityKey? key = null, string issuer = Issuer, string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var now = DateTime.UtcNow;
        var token = new JwtSecurityToken(
            issuer, Audience, claims.Select(c => new Claim(c.Type, c.Value)), now.AddMinutes(-1), now.AddHours(1), new SigningCredentials(key ?? TestKey, algorithm));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    /// <summary>A client of the host that sends <c>Authorization: {scheme} {value}</c>.</summary>
    public static HttpClient With(this ApiHost host, string scheme, string value)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, value);
        return client;
    }

    public static HttpClient Bearer(this ApiHost host, params (string Type, string Value)[] claims) => host.With("Bearer", Sign(claims));
}
