using System.Text.Json.Serialization;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Functions.Okta.Lists;

namespace AccessReviewFunctions.Functions.Okta.Users;

/// <summary>
/// A user in the Okta Users API shape. What the inventory does not know stays null, as Okta writes an unknown
/// timestamp: when the status or the profile last changed, when the password did; activated is the creation time
/// for every user but a STAGED one (never activated). Credentials are Okta's own (provider OKTA).
/// </summary>
internal sealed record OktaUser(
    string Id,
    string Status,
    string Created,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Activated,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? StatusChanged,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LastLogin,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LastUpdated,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PasswordChanged,
    OktaUserType Type,
    OktaUserProfile Profile,
    OktaCredentials Credentials,
    IReadOnlyDictionary<string, LinkDto> _links)
{
    /// <summary>Okta's default user type, which every inventory user has.</summary>
    public static readonly OktaUserType DefaultType = new("oty_default");

    private static readonly OktaCredentials OktaCredentials = new(new OktaProvider("OKTA", "OKTA"));

    public static OktaUser From(InventoryUser user, HttpRequest request) => new(
        user.Id,
        user.Status.ToString(),
        Timestamp(user.Created),
        user.Status == UserStatus.STAGED ? null : Timestamp(user.Created),
        null,
        user.LastLogin is { } lastLogin ? Timestamp(lastLogin) : null,
        null,
        null,
        DefaultType,
        new OktaUserProfile(user.Login, user.Email, user.FirstName, user.LastName, user.Department, user.Title, user.ManagerId, user.City, user.State, user.Country),
        OktaCredentials,
        new Dictionary<string, LinkDto> { ["self"] = OktaLinks.Link(OktaLinks.Absolute(request, $"/api/v1/users/{user.Id}"), "GET") });

    /// <summary>Timestamps in the one form every response uses (UtcDateTimeConverter): UTC to the second.</summary>
    private static string Timestamp(DateTimeOffset time) => Common.UtcDateTimeConverter.Format(time);
}

internal sealed record OktaUserType(string Id);

internal sealed record OktaCredentials(OktaProvider Provider);

internal sealed record OktaProvider(string Type, string Name);

internal sealed record OktaUserProfile(
    string Login,
    string Email,
    string FirstName,
    string LastName,
    string? Department,
    string? Title,
    string? ManagerId,
    string? City,
    string? State,
    string? CountryCode);
