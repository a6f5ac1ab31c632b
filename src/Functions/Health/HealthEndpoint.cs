using Microsoft.AspNetCore.Mvc;

namespace AccessReviewFunctions.Functions.Health;

/// <summary>Whether the storage account answers.</summary>
internal interface IStorageHealth
{
    Task<bool> IsUpAsync(CancellationToken cancellationToken);
}

/// <summary>
/// <c>/healthz</c>: storage answers within 3 s. <c>/readyz</c>: ready to take traffic, i.e. started, not stopping, and
/// storage answers; a 503 carries Retry-After, so a load balancer or client knows when to look again.
/// </summary>
internal static class HealthEndpoint
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async ([FromServices] IStorageHealth storage, CancellationToken cancellationToken) =>
            await IsUpAsync(storage, cancellationToken)
                ? Results.Json(new { status = "Healthy", storage = "up" })
                : Results.Json(new { status = "Unhealthy", storage = "down" }, statusCode: StatusCodes.Status503ServiceUnavailable)).AllowAnonymous();
        app.MapGet("/readyz", async (HttpContext http, [FromServices] IStorageHealth storage, [FromServices] IHostApplicationLifetime lifetime, CancellationToken cancellationToken) =>
        {
            var started = lifetime.ApplicationStarted.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested;
            var up = started && await IsUpAsync(storage, cancellationToken);
            if (up)
            {
                return Results.Json(new { status = "Ready", storage = "up" });
            }

            http.Response.Headers.RetryAfter = "5";
            return Results.Json(new { status = started ? "NotReady" : "Starting", storage = started ? "down" : "unknown" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
    }

    private static async Task<bool> IsUpAsync(IStorageHealth storage, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        return await storage.IsUpAsync(timeout.Token);
    }
}
