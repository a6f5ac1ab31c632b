using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Functions.Okta;
using AccessReviewFunctions.Functions.Runtime.Durable;
using AccessReviewFunctions.Functions.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace AccessReviewFunctions.Functions.Okta;

/// <summary>Maps what went wrong to the dialect's error body; never a stack trace.</summary>
internal static class OktaErrorMapping
{
    public static IResult ToOkta(DomainException error) => error.Kind switch
    {
        DomainErrorKind.Validation => OktaErrors.Validation(error.Causes.Select(OktaFields.Cause), error.Message),
        DomainErrorKind.NotFound => OktaErrors.NotFound(error.Message),
        DomainErrorKind.InvalidTransition => OktaErrors.InvalidState(error.Message, error.Causes.Select(OktaFields.Cause)),
        DomainErrorKind.Conflict => OktaErrors.Conflict(error.Message),
        _ => OktaErrors.Unexpected(),
    };

    public static Task WriteAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var oracle = Oracle.OracleDialect.Owns(context);
        switch (error)
        {
            case DomainException domain when oracle:
                return Oracle.OracleErrors.From(domain).ExecuteAsync(context);
            case BadHttpRequestException bad when oracle:
                return Oracle.OracleErrors.Invalid(RequestProblem(bad)).ExecuteAsync(context);
            case DomainException domain:
                return ToOkta(domain).ExecuteAsync(context);
            case BadHttpRequestException bad:
                return OktaErrors.Validation([RequestProblem(bad)], "Api validation failed: request").ExecuteAsync(context);
            case ConcurrencyException:
                // Writers kept winning the race for this resource: worth retrying shortly, never a fault.
                context.Response.Headers.RetryAfter = "1";
                return OktaErrors.Conflict("The resource is being changed by other requests; try again").ExecuteAsync(context);
            case var outage when StorageFaults.IsUnavailable(outage, context.RequestAborted):
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Errors")
                    .LogWarning(outage, "Storage unavailable on {Method} {Path}", context.Request.Method, context.Request.Path);
                context.Response.Headers.RetryAfter = ((int)StorageFaults.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return OktaErrors.Unavailable("Service unavailable: storage is not answering; try again later").ExecuteAsync(context);
            default:
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Errors")
                    .LogError(error, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
                return (oracle ? Oracle.OracleErrors.Unexpected() : OktaErrors.Unexpected()).ExecuteAsync(context);
        }
    }

    public static Task WriteStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        if (Oracle.OracleDialect.Owns(context))
        {
            return status == StatusCodes.Status404NotFound ? Oracle.OracleErrors.NotFound(context.Request.Path).ExecuteAsync(context) : Task.CompletedTask;
        }

        var result = status switch
        {
            StatusCodes.Status404NotFound => OktaErrors.NotFound(context.Request.Path),
            StatusCodes.Status405MethodNotAllowed => OktaErrors.Write(status, "E0000022", $"The endpoint does not support the provided HTTP method: {context.Request.Method}"),
            StatusCodes.Status415UnsupportedMediaType => OktaErrors.Write(status, "E0000001", "Api validation failed: Content-Type must be application/json"),
            _ => null,
        };
        return result?.ExecuteAsync(context) ?? Task.CompletedTask;
    }

    private static string RequestProblem(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json ? $"Malformed JSON: {json.Message}" : bad.Message;
}
