using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace AccessReviewFunctions.Functions.Okta;

/// <summary>The Okta error body: errorCode, errorSummary, errorLink, errorId, errorCauses.</summary>
internal sealed record OktaError(
    [property: JsonPropertyName("errorCode")] string ErrorCode,
    [property: JsonPropertyName("errorSummary")] string ErrorSummary,
    [property: JsonPropertyName("errorLink")] string ErrorLink,
    [property: JsonPropertyName("errorId")] string ErrorId,
    [property: JsonPropertyName("errorCauses")] IReadOnlyList<OktaErrorCause> ErrorCauses)
{
    public static OktaError Create(string code, string summary, IEnumerable<string>? causes = null) =>
        new(code, summary, code, NewErrorId(), (causes ?? []).Select(c => new OktaErrorCause(c)).ToList());

    private static string NewErrorId()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        Span<char> chars = stackalloc char[22];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return "oae" + new string(chars);
    }
}

internal sealed record OktaErrorCause([property: JsonPropertyName("errorSummary")] string ErrorSummary);
