namespace AccessReviewFunctions.Functions.Okta;

/// <summary>Okta's error codes and the status each one answers with.</summary>
internal static class OktaErrors
{
    public static IResult Validation(IEnumerable<string> causes, string summary = "Api validation failed") =>
        Write(StatusCodes.Status400BadRequest, "E0000001", summary, causes);

    public static IResult NotFound(string what) =>
        Write(StatusCodes.Status404NotFound, "E0000007", $"Not found: Resource not found: {what}");

    public static IResult InvalidState(string summary, IEnumerable<string>? causes = null) =>
        Write(StatusCodes.Status400BadRequest, "E0000001", summary, causes);

    public static IResult Conflict(string summary) =>
        Write(StatusCodes.Status409Conflict, "E0000001", summary);

    public static IResult Unauthenticated() =>
        Write(StatusCodes.Status401Unauthorized, "E0000011", "Invalid token provided");

    public static IResult Forbidden() =>
        Write(StatusCodes.Status403Forbidden, "E0000006", "You do not have permission to perform the requested action");

    public static IResult RateLimited() =>
        Write(StatusCodes.Status429TooManyRequests, "E0000047", "API call exceeded rate limit due to too many requests.");

    public static IResult Unexpected() =>
        Write(StatusCodes.Status500InternalServerError, "E0000009", "Internal Server Error");

    public static IResult Unavailable(string summary) =>
        Write(StatusCodes.Status503ServiceUnavailable, "E0000010", summary);

    public static IResult Write(int status, string code, string summary, IEnumerable<string>? causes = null) =>
        TypedResults.Json(OktaError.Create(code, summary, causes), statusCode: status);
}
