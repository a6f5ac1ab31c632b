using AccessReviewFunctions.Domain.Errors;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Querying;
using AccessReviewFunctions.Functions.Auth;
using AccessReviewFunctions.Functions.Inventory;
using AccessReviewFunctions.Functions.Okta.Lists;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessReviewFunctions.Functions.Okta.Users;

/// <summary>
/// The Okta Users API over the inventory (any authenticated user): the list (q, filter, limit, after; DEPROVISIONED
/// users only when a filter asks for them, as Okta does) and one user by id, login or <c>me</c>. <c>search</c> is refused.
/// </summary>
internal static class UserEndpoints
{
    public const int MaxLimit = 200;

    /// <summary>Okta's default page size of a <c>q</c> search.</summary>
    public const int QueryLimit = 10;

    /// <summary>The longest <c>q</c>: a user's name or e-mail prefix, well inside what a storage query's URL holds.</summary>
    public const int MaxQueryLength = 256;
    private static readonly OrderBy ById = new(Cursor.IdField, SortDirection.Asc);

    /// <summary>What <c>filter</c> takes: status and the profile fields the inventory holds, with eq, co and the rest of the one filter grammar.</summary>
    private static readonly FilterSchema Filters = new(
        FilterField.Text("id"),
        FilterField.Enum("status", Enum.GetNames<UserStatus>()),
        FilterField.Text("profile.login"),
        FilterField.Text("profile.email"),
        FilterField.Text("profile.firstName"),
        FilterField.Text("profile.lastName"),
        FilterField.Text("profile.department"),
        FilterField.Text("profile.title"),
        FilterField.Text("profile.managerId"));

    public static void MapUsers(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").RequireAuthorization().WithMetadata(OktaScopes.Users);
        users.MapGet("", ListAsync);
        users.MapGet("/{id}", GetAsync);
    }

    private static async Task<Ok<List<OktaUser>>> ListAsync(
        HttpContext http, IUserDirectory directory, string? q, string? filter, string? search, string? limit, string? after, CancellationToken ct)
    {
        var problems = new List<Violation>();
        var size = PageRequest.ParseLimit(limit, string.IsNullOrEmpty(q) ? MaxLimit : QueryLimit, MaxLimit, problems);
        if (q is { Length: > MaxQueryLength })
        {
            problems.Add(new("q", ViolationCode.TooLong, $"must be at most {MaxQueryLength} characters"));
        }

        var from = string.IsNullOrEmpty(after) ? null : Violations.Collect(problems, () => Cursor.Decode(after, ById));
        var parsed = string.IsNullOrEmpty(filter) ? null : Violations.Collect(problems, () => Filter.Parse(filter, Filters));
        if (search is not null)
        {
            problems.Add(new("search", ViolationCode.NotAllowed, "is not supported here; use filter or q"));
        }

        Violations.ThrowIfAny(problems);
        Func<InventoryUser, bool> keep = parsed is null
            ? u => u.Status != UserStatus.DEPROVISIONED
            : u => parsed.Matches(field => Resolve(u, field));
        var page = await directory.ListUsersAsync(q, keep, size, from?.Id, ct);
        return OktaLists.Array(http, page, size, u => OktaUser.From(u, http.Request));
    }

    /// <summary>A user by id, by login, or <c>me</c> (the caller), as Okta resolves the segment.</summary>
    private static async Task<Ok<OktaUser>> GetAsync(string id, HttpContext http, IUserDirectory directory, CancellationToken ct)
    {
        var user = id == "me" ? await directory.GetUserAsync(Caller.From(http.User).UserId, ct)
            : await directory.GetUserAsync(id, ct) ?? await directory.GetUserByLoginAsync(id, ct);
        return TypedResults.Ok(OktaUser.From(user ?? throw DomainException.NotFound($"user {id}"), http.Request));
    }

    private static FieldValue? Resolve(InventoryUser user, string field) => field switch
    {
        "id" => FieldValue.Text(user.Id),
        "status" => FieldValue.Text(user.Status.ToString()),
        "profile.login" => FieldValue.Text(user.Login),
        "profile.email" => FieldValue.Text(user.Email),
        "profile.firstName" => FieldValue.Text(user.FirstName),
        "profile.lastName" => FieldValue.Text(user.LastName),
        "profile.department" => user.Department is null ? null : FieldValue.Text(user.Department),
        "profile.title" => user.Title is null ? null : FieldValue.Text(user.Title),
        "profile.managerId" => user.ManagerId is null ? null : FieldValue.Text(user.ManagerId),
        _ => null,
    };
}
