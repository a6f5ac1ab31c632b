using Microsoft.AspNetCore.Mvc;

namespace AccessReviewFunctions.Functions.Health;

/// <summary>Whether the storage account answers.</summary>
internal interface IStorageHealth
{
    Task<bool> IsUpAsync(CancellationToken cancellationToken);
}

internal static class HealthEndpoint
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async ([FromServices] IStorageHealth storage, CancellationToken cancellationToken) =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            return await storage.IsUpAsync(timeout.Token)
                ? Results.Json(new { status = "Healthy", storage = "up" })
                : Results.Json(new { status = "Unhealthy", storage = "down" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
}
