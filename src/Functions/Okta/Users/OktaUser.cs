using System.Globalization;
using System.Text.Json.Serialization;
using AccessReviewFunctions.Domain.Inventory;

namespace AccessReviewFunctions.Functions.Okta.Users;

/// <summary>A user in the Okta Users API shape.</summary>
internal sealed record OktaUser(
    string Id,
    string Status,
    string Created,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LastLogin,
    OktaUserProfile Profile)
{
    public static OktaUser From(InventoryUser user) => new(
        user.Id,
        user.Status.ToString(),
        Timestamp(user.Created),
        user.LastLogin is { } lastLogin ? Timestamp(lastLogin) : null,
        new OktaUserProfile(user.Login, user.Email, user.FirstName, user.LastName, user.Department, user.Title, user.ManagerId, user.City, user.State, user.Country));

    /// <summary>Timestamps in the one form every response uses (UtcDateTimeConverter): UTC to the second.</summary>
    private static string Timestamp(DateTimeOffset time) => Common.UtcDateTimeConverter.Format(time);
}

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
