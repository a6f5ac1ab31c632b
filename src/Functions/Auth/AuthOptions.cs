namespace AccessReviewFunctions.Functions.Auth;

/// <summary>Settings under "Auth": a real identity provider (Authority) or the symmetric development key.</summary>
internal sealed class AuthOptions
{
    public string? Authority { get; set; }
    public string Audience { get; set; } = "access-review-functions";
    public string Issuer { get; set; } = "access-review-functions-dev";
    public string? SigningKey { get; set; }
    public bool DevTokens { get; set; }
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);
}
