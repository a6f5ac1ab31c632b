namespace AccessReviewFunctions.Functions.Auth;

/// <summary>
/// Settings under "Auth": a real identity provider (Authority), or the symmetric development key; Okta-style API
/// tokens (<c>Authorization: SSWS &lt;token&gt;</c>) kept as SHA-256 hashes.
/// </summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The key local.settings.sample.json ships with: public, so never trusted outside Development.</summary>
    public const string SampleSigningKey = "local-development-signing-key-change-me-0123456789";

    /// <summary>HS256 needs a key of at least 256 bits.</summary>
    public const int MinSigningKeyBytes = 32;

    public string? Authority { get; set; }
    public string Audience { get; set; } = "access-review-functions";
    public string Issuer { get; set; } = "access-review-functions-dev";
    public string? SigningKey { get; set; }
    public bool DevTokens { get; set; }
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Outside Development, start even with the sample key or a key shorter than 256 bits (a test rig, never production).</summary>
    public bool AllowInsecureSigningKey { get; set; }

    /// <summary>Fetch the Authority's OIDC metadata over https only (turn off only for a local identity provider).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public List<ApiTokenOptions> ApiTokens { get; set; } = [];

    /// <summary>Tokens signed with <see cref="SigningKey"/> are accepted only while no Authority is set.</summary>
    public bool UsesSigningKey => string.IsNullOrEmpty(Authority) && !string.IsNullOrEmpty(SigningKey);
}

/// <summary>One API token: the SHA-256 of the token (hex), the user it acts as, and that user's roles.</summary>
internal sealed class ApiTokenOptions
{
    public string Sha256 { get; set; } = string.Empty;
    public string Subject { get; set; } = string.Empty;
    public List<string> Roles { get; set; } = [];
}
