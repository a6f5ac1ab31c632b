using System.Text.Json;
using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Functions.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessReviewFunctions.Functions.Inventory;

/// <summary>The inventory import (SUPER_ADMIN): the project's own API, not a vendor's; all-or-nothing validation.</summary>
internal static class ImportEndpoint
{
    public const string Path = "/api/v1/inventory/import";

    public static void MapInventoryImport(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, ImportAsync).RequireAuthorization(Roles.AdminPolicy);

    private static async Task<Ok<ImportCounts>> ImportAsync(HttpRequest request, InventoryImporter importer, CancellationToken cancellationToken)
    {
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
