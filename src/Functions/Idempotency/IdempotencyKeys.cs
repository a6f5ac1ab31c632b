using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using AccessReviewFunctions.Domain.Reviews.Values;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Okta;

namespace AccessReviewFunctions.Functions.Idempotency;

/// <summary>Endpoint metadata: this POST creates something and honours an <c>Idempotency-Key</c>.</summary>
internal sealed class IdempotentRoute
{
    public static readonly IdempotentRoute Instance = new();
}

/// <summary>
/// <c>Idempotency-Key</c> on the POSTs that create something: the first request with a key runs and its 2xx answer is kept
/// for 24 hours; the same key with the same method, path and body replays that answer (with
/// <c>Idempotent-Replayed: true</c>) instead of creating a second one; the same key with another request is 422; while the
/// first still runs, 409 with Retry-After. Keys are per caller (the token's subject). A failed first request frees the key.
/// </summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    /// <summary>Larger answers are not kept (a table column holds 64 KB); creates and comments answer far less.</summary>
    private const int MaxStoredBody = 30_000;

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(HandleAsync);

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Whatever the request threw, its key is freed first, then the error goes on to the error mapping unchanged.")]
    private static async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        var key = context.Request.Headers[Header].ToString();
        var caller = context.User.FindFirst(Roles.SubjectClaim)?.Value;
        if (key.Length == 0 || caller is null || !HttpMethods.IsPost(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentRoute>() is null)
        {
            await next(context);
            return;
        }

        if (key.Length > MaxKeyLength || !PlainText.IsPlain(key) || key.Trim().Length == 0)
        {
            await OktaErrors.Validation([$"{Header}: must be 1 to {MaxKeyLength} printable characters"]).ExecuteAsync(context);
            return;
        }

        var store = context.RequestServices.GetRequiredService<IIdempotencyStore>();
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var hash = await RequestHashAsync(context.Request);
        var first = await store.TryClaimAsync(caller, key, hash, now, context.RequestAborted);
        if (first is not null)
        {
            await AnswerAgainAsync(context, first, hash);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch (Exception)
        {
            context.Response.Body = original;
            await store.ReleaseAsync(caller, key, CancellationToken.None);
            throw;
        }

        context.Response.Body = original;
        var status = context.Response.StatusCode;
        var body = Encoding.UTF8.GetString(buffer.ToArray());
        if (status is >= 200 and < 300 && body.Length <= MaxStoredBody)
        {
            var answer = new IdempotentResponse(hash, status, context.Response.ContentType, context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null, body, now);
            await store.CompleteAsync(caller, key, answer, CancellationToken.None);
        }
        else
        {
            await store.ReleaseAsync(caller, key, CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task AnswerAgainAsync(HttpContext context, IdempotentResponse first, string hash)
    {
        if (first.RequestHash != hash)
        {
            await OktaErrors.Write(
                StatusCodes.Status422UnprocessableEntity, "E0000001",
                $"Api validation failed: {Header} was already used with a different request",
                [$"{Header}: a key must be used with one request only (method, path and body)"]).ExecuteAsync(context);
            return;
        }

        if (first.InProgress)
        {
            context.Response.Headers.RetryAfter = "1";
            await OktaErrors.Conflict($"A request with this {Header} is still in progress; try again").ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = first.Status;
        context.Response.Headers[ReplayedHeader] = "true";
        if (first.ContentType is not null)
        {
            context.Response.ContentType = first.ContentType;
        }

        if (first.Location is not null)
        {
            context.Response.Headers.Location = first.Location;
        }

        await context.Response.WriteAsync(first.Body ?? string.Empty, context.RequestAborted);
    }

    /// <summary>SHA-256 of method, path and body: what "the same request" means. The body is buffered so the endpoint reads it again.</summary>
    private static async Task<string> RequestHashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
