using System.Text;
using AccessReviewFunctions.Functions.Okta;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AccessReviewFunctions.Functions.Auth;

internal static class AuthSetup
{
    public static void AddJwtAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration("Auth").Validate(
            o => !string.IsNullOrEmpty(o.Authority) || !string.IsNullOrEmpty(o.SigningKey),
            "Set Auth:Authority (identity provider) or Auth:SigningKey (development key).").ValidateOnStart();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => Configure(jwt, auth.Value));
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.SuperAdmin));
    }

    public static SymmetricSecurityKey SigningKey(AuthOptions options) =>
        new(Encoding.UTF8.GetBytes(options.SigningKey!.PadRight(32, '.')));

    private static void Configure(JwtBearerOptions jwt, AuthOptions options)
    {
        jwt.MapInboundClaims = false;
        jwt.Audience = options.Audience;
        if (!string.IsNullOrEmpty(options.Authority))
        {
            jwt.Authority = options.Authority;
        }

        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateAudience = true,
            ValidAudience = options.Audience,
            ValidateIssuer = string.IsNullOrEmpty(options.Authority),
            ValidIssuer = options.Issuer,
            IssuerSigningKey = string.IsNullOrEmpty(options.SigningKey) ? null : SigningKey(options),
            NameClaimType = Roles.SubjectClaim,
            RoleClaimType = Roles.ClaimType,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        jwt.Events = new JwtBearerEvents
        {
            OnChallenge = async context =>
            {
                context.HandleResponse();
                await (Oracle.OracleDialect.Owns(context.HttpContext) ? Oracle.OracleErrors.Unauthenticated() : OktaErrors.Unauthenticated()).ExecuteAsync(context.HttpContext);
            },
            OnForbidden = context => OktaErrors.Forbidden().ExecuteAsync(context.HttpContext),
        };
    }
}
