using Scalar.AspNetCore;

namespace AccessReviewFunctions.Functions.Hosting;

/// <summary>
/// The service's own API description: the OpenAPI document of every route it serves, all dialects, at
/// <c>/openapi/v1.json</c> (Microsoft.AspNetCore.OpenApi), and an API reference page over it at <c>/docs</c>
/// (Scalar). Both are public, like Okta's published description.
/// </summary>
internal static class ApiDescription
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/docs";

    public static void AddApiDescription(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "AccessReviewFunctions";
            document.Info.Description = "Security access reviews in the dialects the service speaks; the Okta routes follow Okta's Governance API description.";
            return Task.CompletedTask;
        }));

    public static void MapApiDescription(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference(ReferencePath, options => options.WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
    }
}
