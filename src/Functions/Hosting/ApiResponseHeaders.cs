namespace AccessReviewFunctions.Functions.Hosting;

/// <summary>
/// The headers Okta's API sends on every response: nothing cached (<c>Cache-Control: no-cache, no-store</c>, the
/// answers are per caller and change), and no content sniffing (<c>X-Content-Type-Options: nosniff</c>).
/// </summary>
internal static class ApiResponseHeaders
{
    public static void UseApiResponseHeaders(this IApplicationBuilder app) =>
        app.Use(next => context =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-cache, no-store";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
