using Microsoft.AspNetCore.Mvc;
using Microsoft.WindowsAzure.Storage;

namespace AccessReviewFunctions.Functions.Health;

internal static class HealthEndpoint
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async ([FromServices] CloudStorageAccount account, CancellationToken cancellationToken) =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await account.CreateCloudTableClient().ListTablesSegmentedAsync(null, 1, null, null, null, timeout.Token);
                return Results.Json(new { status = "Healthy", storage = "up" });
            }
            catch (Exception e) when (e is StorageException or OperationCanceledException or HttpRequestException)
            {
                return Results.Json(new { status = "Unhealthy", storage = "down" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous();
}
