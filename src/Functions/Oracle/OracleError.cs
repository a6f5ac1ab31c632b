using System.Text.Json.Serialization;

namespace AccessReviewFunctions.Functions.Oracle;

/// <summary>Oracle's error body: a short code for programs and a sentence for people.</summary>
internal sealed record OracleError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);
