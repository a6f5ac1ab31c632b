namespace AccessReviewFunctions.Domain.Inventory;

/// <summary>A person in the directory, as Okta describes one.</summary>
public sealed record InventoryUser(
    string Id,
    string Login,
    string Email,
    string FirstName,
    string LastName,
    UserStatus Status,
    string? Department,
    string? ManagerId,
    string? Title,
    string? City,
    string? State,
    string? Country,
    DateTimeOffset Created,
    DateTimeOffset? LastLogin,
    IReadOnlyList<string> AdminRoles);

/// <summary>Okta user statuses, with Okta's spellings.</summary>
public enum UserStatus
{
    ACTIVE,
    SUSPENDED,
    DEPROVISIONED,
    STAGED,
}
