using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Okta.Lists;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessReviewFunctions.Functions.Okta.Users;

/// <summary>The Okta Users API over the inventory (any authenticated user): the list, by id, with q and after.</summary>
internal static class UserEndpoints
{
    public const int MaxLimit = 200;

    /// <summary>The longest <c>q</c>: a user's name or e-mail prefix, well inside what a storage query's URL holds.</summary>
    public const int MaxQueryLength = 256;
    private static readonly OrderBy ById = new(Cursor.IdField, SortDirection.Asc);

    public static void MapUsers(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").RequireAuthorization().WithMetadata(OktaScopes.Users);
        users.MapGet("", ListAsync);
        users.MapGet("/{id}", GetAsync);
    }

    private static async Task<Ok<List<OktaUser>>> ListAsync(HttpContext http, IUserDirectory directory, string? q, string? limit, string? after, CancellationToken ct)
    {
        var problems = new List<Violation>();
        var size = PageRequest.ParseLimit(limit, MaxLimit, MaxLimit, problems);
        if (q is { Length: > MaxQueryLength })
        {
            problems.Add(new("q", ViolationCode.TooLong, $"must be at most {MaxQueryLength} characters"));
        }

        var from = string.IsNullOrEmpty(after) ? null : Violations.Collect(problems, () => Cursor.Decode(after, ById));
        Violations.ThrowIfAny(problems);

        var page = await directory.ListUsersAsync(q, size, from?.Id, ct);
        return OktaLists.Array(http, page, size, OktaUser.From);
    }

    private static async Task<Ok<OktaUser>> GetAsync(string id, IUserDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(OktaUser.From(await directory.GetUserAsync(id, ct) ?? throw DomainException.NotFound($"user {id}")));

}
