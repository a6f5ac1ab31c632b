using System.Text;
using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews.Values;
using AccessReviewFunctions.Functions.Okta;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace AccessReviewFunctions.Functions.Auth;

/// <summary>
/// Bearer tokens (from the identity provider at Auth:Authority, and only from it when it is set; else signed with the
/// development key) and SSWS API tokens; every authorised route then needs the scope its group names.
/// </summary>
internal static class AuthSetup
{
    private const string BearerOrApiToken = "BearerOrApiToken";

    public static void AddJwtAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddAuthentication(BearerOrApiToken)
            .AddPolicyScheme(BearerOrApiToken, null, o =>
            {
                o.ForwardDefaultSelector = context => ApiTokenHandler.Carries(context.Request) ? ApiTokenHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme;
                o.ForwardChallenge = JwtBearerDefaults.AuthenticationScheme;
                o.ForwardForbid = JwtBearerDefaults.AuthenticationScheme;
            })
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => Configure(jwt, auth.Value));
        services.AddSingleton<IAuthorizationHandler, ScopeRequirement>();
        var scoped = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new ScopeRequirement()).Build();
        var admin = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(OktaScopes.Admin)).Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(scoped)
            .AddPolicy(Roles.AdminPolicy, admin);
    }

    public static SymmetricSecurityKey SigningKey(AuthOptions options) =>
        new(Encoding.UTF8.GetBytes(options.SigningKey!.PadRight(AuthOptions.MinSigningKeyBytes, '.')));

    /// <summary>A caller is a user: a token without a usable <c>sub</c> (missing, blank, too long, control characters) authenticates no one.</summary>
    public static bool IsSubject(string? sub) => UserId.From(sub, "sub", new List<Violation>()) is not null;

    private static void Configure(JwtBearerOptions jwt, AuthOptions options)
    {
        jwt.MapInboundClaims = false;
        jwt.Audience = options.Audience;
        jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
        if (!string.IsNullOrEmpty(options.Authority))
        {
            jwt.Authority = options.Authority;
        }

        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateAudience = true,
            ValidAudience = options.Audience,
            ValidateIssuer = true,
            ValidIssuer = options.UsesSigningKey ? options.Issuer : null,
            IssuerSigningKey = options.UsesSigningKey ? SigningKey(options) : null,
            NameClaimType = Roles.SubjectClaim,
            RoleClaimType = Roles.ClaimType,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (!IsSubject(context.Principal?.FindFirst(Roles.SubjectClaim)?.Value))
                {
                    context.Fail("The token names no subject");
                }

                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                await (Oracle.OracleDialect.Owns(context.HttpContext) ? Oracle.OracleErrors.Unauthenticated() : OktaErrors.Unauthenticated()).ExecuteAsync(context.HttpContext);
            },
            OnForbidden = context => OktaErrors.Forbidden().ExecuteAsync(context.HttpContext),
        };
    }
}
