using System.Text.Json.Serialization;
using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Functions.Common;

namespace AccessReviewFunctions.Functions.Opa;

/// <summary>The OPA error body: a type, a message, and for a validation error one line per broken rule.</summary>
internal sealed record OpaError(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("details")] IReadOnlyList<string>? Details = null);

/// <summary>Maps domain errors of the OPA routes to OPA's body and status; never a stack trace.</summary>
internal static class OpaErrors
{
    public static IResult From(DomainException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind switch
        {
            DomainErrorKind.Validation => Write(StatusCodes.Status400BadRequest, "invalid_request", "The request is invalid", [.. error.Causes.Select(OpaFields.Cause)]),
            DomainErrorKind.NotFound => Write(StatusCodes.Status404NotFound, "not_found", $"Not found: {error.Message}"),
            DomainErrorKind.Conflict or DomainErrorKind.InvalidTransition => Write(StatusCodes.Status409Conflict, "conflict", error.Message),
            _ => Write(StatusCodes.Status500InternalServerError, "internal_error", "Internal Server Error"),
        };
    }

    public static IResult Write(int status, string type, string message, IReadOnlyList<string>? details = null) =>
        TypedResults.Json(new OpaError(type, message, details), statusCode: status);

    /// <summary>The OPA routes' error mapping: a domain error thrown by a handler answers in OPA's body.</summary>
    public static RouteGroupBuilder WithOpaErrors(this RouteGroupBuilder group) =>
        group.WithDomainErrors(From);
}
