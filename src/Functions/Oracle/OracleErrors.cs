using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Functions.Common;

namespace AccessReviewFunctions.Functions.Oracle;

/// <summary>
/// Maps what went wrong on the Oracle routes to Oracle's body and status, with the OCI codes: 400 InvalidParameter,
/// 401 NotAuthenticated, 404 NotAuthorizedOrNotFound, 429 TooManyRequests, 500 InternalServerError; never a stack trace.
/// </summary>
internal static class OracleErrors
{
    public static IResult From(DomainException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind switch
        {
            DomainErrorKind.Validation => Invalid(error.Causes.Count == 0 ? error.Message : string.Join("; ", error.Causes.Select(OracleFields.Cause))),
            DomainErrorKind.NotFound => NotFound(error.Message),
            DomainErrorKind.Conflict or DomainErrorKind.InvalidTransition => Write(StatusCodes.Status409Conflict, "Conflict", error.Message),
            _ => Unexpected(),
        };
    }

    public static IResult Invalid(string message) => Write(StatusCodes.Status400BadRequest, "InvalidParameter", message);

    public static IResult NotFound(string what) =>
        Write(StatusCodes.Status404NotFound, "NotAuthorizedOrNotFound", $"Resource not found or not authorized: {what}");

    public static IResult Unauthenticated() => Write(StatusCodes.Status401Unauthorized, "NotAuthenticated", "The required information to complete authentication was not provided or was incorrect.");

    public static IResult RateLimited() => Write(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many requests for the user.");

    public static IResult Unexpected() => Write(StatusCodes.Status500InternalServerError, "InternalServerError", "Internal Server Error");

    public static IResult Write(int status, string code, string message) =>
        TypedResults.Json(new OracleError(code, message), statusCode: status);

    /// <summary>The Oracle routes' error mapping: a domain error thrown by a handler answers in Oracle's body.</summary>
    public static RouteGroupBuilder WithOracleErrors(this RouteGroupBuilder group) =>
        group.WithDomainErrors(From);
}
