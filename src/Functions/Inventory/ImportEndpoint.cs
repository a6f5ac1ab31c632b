using System.Text.Json;
using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Functions.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessReviewFunctions.Functions.Inventory;

/// <summary>The inventory import (SUPER_ADMIN): the project's own API, not a vendor's; all-or-nothing validation.</summary>
internal static class ImportEndpoint
{
    public const string Path = "/api/v1/inventory/import";

    /// <summary>Okta's scope for entitlements, bundles and grants: the nearest to what an import writes. SUPER_ADMIN holds it.</summary>
    public static readonly RequiredScope Scope = new("okta.governance.entitlements.manage", "okta.governance.entitlements.manage");

    public static void MapInventoryImport(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, ImportAsync).RequireAuthorization(Roles.AdminPolicy).WithMetadata(Scope);

    private static async Task<Results<Ok<ImportCounts>, StatusCodeHttpResult>> ImportAsync(HttpRequest request, InventoryImporter importer, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        Domain.Inventory.InventoryDocument document;
        try
        {
            document = await InventoryJson.ReadDocumentAsync(request.Body, cancellationToken);
        }
        catch (JsonException e)
        {
            throw DomainException.Validation(Fields.Request, ViolationCode.Malformed, $"Malformed JSON: {e.Message}");
        }

        return TypedResults.Ok(await importer.ImportAsync(document, cancellationToken));
    }
}
