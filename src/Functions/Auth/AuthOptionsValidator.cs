using System.Text;
using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Reviews.Values;
using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Auth;

/// <summary>
/// Refuses to start with settings that let anyone mint a token: outside Development no sample key and no symmetric
/// key shorter than 256 bits (unless Auth:AllowInsecureSigningKey), and every API token well-formed.
/// </summary>
internal sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.Authority) && string.IsNullOrEmpty(options.SigningKey) && options.ApiTokens.Count == 0)
        {
            failures.Add("Set Auth:Authority (identity provider) or Auth:SigningKey (development key).");
        }

        if (options.UsesSigningKey && !environment.IsDevelopment() && !options.AllowInsecureSigningKey)
        {
            if (options.SigningKey == AuthOptions.SampleSigningKey)
            {
                failures.Add($"Auth:SigningKey is the sample key from local.settings.sample.json, which anyone can read; outside Development ({environment.EnvironmentName}) set a secret key of at least {AuthOptions.MinSigningKeyBytes} bytes or Auth:Authority.");
            }
            else if (Encoding.UTF8.GetByteCount(options.SigningKey!) < AuthOptions.MinSigningKeyBytes)
            {
                failures.Add($"Auth:SigningKey is shorter than 256 bits ({AuthOptions.MinSigningKeyBytes} bytes); outside Development ({environment.EnvironmentName}) set a longer key or Auth:Authority.");
            }
        }

        for (var i = 0; i < options.ApiTokens.Count; i++)
        {
            var token = options.ApiTokens[i];
            if (token.Sha256.Length != 64 || !token.Sha256.All(char.IsAsciiHexDigit))
            {
                failures.Add($"Auth:ApiTokens:{i}:Sha256 must be the token's SHA-256 as 64 hex digits.");
            }

            if (UserId.From(token.Subject, "subject", new List<Violation>()) is null)
            {
                failures.Add($"Auth:ApiTokens:{i}:Subject must be the id of the user the token acts as.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
