using System.Text.Json;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Okta;
using Microsoft.AspNetCore.WebUtilities;

namespace AccessReviewFunctions.Functions.Inventory;

/// <summary>The import API (SUPER_ADMIN) and the Okta Users API over the inventory (any authenticated user).</summary>
public static class InventoryEndpoints
{
    public const int MaxLimit = 200;

    public static void MapInventoryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/inventory/import", ImportAsync).RequireAuthorization(Roles.AdminPolicy);
        var users = app.MapGroup("/api/v1/users").RequireAuthorization();
        users.MapGet("", ListUsersAsync);
        users.MapGet("/{id}", GetUserAsync);
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, InventoryImporter importer, CancellationToken cancellationToken)
    {
        Domain.Inventory.InventoryDocument document;
        try
        {
            document = await InventoryJson.ReadDocumentAsync(request.Body, cancellationToken);
        }
        catch (JsonException e)
        {
            return OktaErrors.Validation([$"Malformed JSON: {e.Message}"], "Api validation failed: request");
        }

        return TypedResults.Ok(await importer.ImportAsync(document, cancellationToken));
    }

    private static async Task<IResult> ListUsersAsync(HttpContext context, IUserDirectory store, string? q, string? limit, string? after, CancellationToken cancellationToken)
    {
        var size = MaxLimit;
        if (limit is not null && (!int.TryParse(limit, out size) || size < 1 || size > MaxLimit))
        {
            return OktaErrors.Validation([$"limit: must be an integer from 1 to {MaxLimit}, was '{limit}'"]);
        }

        var page = await store.ListUsersAsync(q, size, after, cancellationToken);
        var request = context.Request;
        var path = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        context.Response.Headers.Append("Link", $"<{path}{request.QueryString}>; rel=\"self\"");
        if (page.NextAfter is not null)
        {
            var next = new Dictionary<string, string?> { ["limit"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture), ["after"] = page.NextAfter };
            if (!string.IsNullOrEmpty(q))
            {
                next["q"] = q;
            }

            context.Response.Headers.Append("Link", $"<{QueryHelpers.AddQueryString(path, next)}>; rel=\"next\"");
        }

        return TypedResults.Ok(page.Users.Select(OktaUser.From).ToList());
    }

    private static async Task<IResult> GetUserAsync(string id, IUserDirectory store, CancellationToken cancellationToken) =>
        await store.GetUserAsync(id, cancellationToken) is { } user
            ? TypedResults.Ok(OktaUser.From(user))
            : OktaErrors.NotFound($"user {id}");
}
