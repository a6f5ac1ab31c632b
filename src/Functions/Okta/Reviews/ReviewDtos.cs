using AccessReviewFunctions.Functions.Okta.Lists;

namespace AccessReviewFunctions.Functions.Okta.Reviews;

public sealed record CreateReviewRequest(
    string? PrincipalId,
    string? Name,
    ReviewerSettingsDto? ReviewerSettings,
    DateTimeOffset? EndTime,
    string? ExpirationBehavior = null,
    string? ExpirationNote = null,
    bool? AutoComplete = null);

public sealed record PatchReviewRequest(
    string? Name,
    DateTimeOffset? EndTime,
    ReviewerSettingsDto? ReviewerSettings,
    string? ExpirationBehavior = null,
    string? ExpirationNote = null,
    bool? AutoComplete = null);

public sealed record ReviewerSettingsDto(string? Type, UserSettingsDto? UserSettings);

public sealed record UserSettingsDto(IReadOnlyList<string>? IncludedUserIds, IReadOnlyList<UserProfileDto>? IncludedUserProfiles = null);

public sealed record UserProfileDto(string Id, string Email, string FirstName, string LastName, string Login, string Status);

public sealed record ReviewDto(
    string Id,
    string Status,
    string Name,
    string PrincipalId,
    DateTimeOffset EndTime,
    ReviewerSettingsDto ReviewerSettings,
    string CreatedBy,
    DateTimeOffset Created,
    DateTimeOffset LastUpdated,
    string LastUpdatedBy,
    string ExpirationBehavior,
    string? ExpirationNote,
    bool AutoComplete,
    IReadOnlyDictionary<string, LinkDto> _links);

public sealed record HistoryEntryDto(string Id, bool SystemGenerated, DateTimeOffset Timestamp, string Message, UserProfileDto? PrincipalProfile);

public sealed record ActionRequest(string? ActionType);

public sealed record ActionDto(string ActionType);

public sealed record CommentRequest(string? Comment);

public sealed record ReviewStatsDto(int ActiveCount, int PendingCount, int ErrorCount, int ClosedCount);

public sealed record PrincipalDetailsDto(
    string Id,
    string Email,
    string FirstName,
    string LastName,
    string Login,
    string Status,
    string? Department,
    string? Manager,
    string? Role,
    LocationDto HomeLocation,
    LastLoginInfoDto? LastLoginInfo,
    IReadOnlyList<AdminRoleDto> OktaAdminRoles,
    string CreatedBy,
    DateTimeOffset Created,
    DateTimeOffset LastUpdated,
    string LastUpdatedBy,
    IReadOnlyDictionary<string, LinkDto> _links);

public sealed record LocationDto(string? City, string? State, string? Country);

public sealed record LastLoginInfoDto(DateTimeOffset Date, LocationDto Location);

public sealed record AdminRoleDto(string RoleId, string RoleName);

public sealed record SummaryDto(string Message);
