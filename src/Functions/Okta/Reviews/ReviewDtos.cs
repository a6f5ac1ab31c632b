using AccessReviewFunctions.Functions.Okta.Accesses;
using AccessReviewFunctions.Functions.Okta.Lists;

namespace AccessReviewFunctions.Functions.Okta.Reviews;

internal sealed record CreateReviewRequest(
    string? PrincipalId,
    string? Name,
    ReviewerSettingsDto? ReviewerSettings,
    DateTimeOffset? EndTime,
    string? ExpirationBehavior = null,
    string? ExpirationNote = null,
    bool? AutoComplete = null);

internal sealed record PatchReviewRequest(
    string? Name,
    DateTimeOffset? EndTime,
    ReviewerSettingsDto? ReviewerSettings,
    string? ExpirationBehavior = null,
    string? ExpirationNote = null,
    bool? AutoComplete = null);

internal sealed record ReviewerSettingsDto(string? Type, UserSettingsDto? UserSettings);

internal sealed record UserSettingsDto(IReadOnlyList<string>? IncludedUserIds, IReadOnlyList<UserProfileDto>? IncludedUserProfiles = null);

internal sealed record UserProfileDto(string Id, string Email, string FirstName, string LastName, string Login, string Status);

/// <summary>Okta's <c>security-access-review</c>; principalId and the expiration settings are this project's additions.</summary>
internal sealed record ReviewDto(
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
    ServerMessageDto? Summary,
    string ExpirationBehavior,
    string? ExpirationNote,
    bool AutoComplete,
    RemediationSummaryDto? Remediation,
    IReadOnlyDictionary<string, LinkDto> _links);

internal sealed record ServerMessageDto(string Message);

/// <summary>The review's downstream changes per status, when all of them reached a terminal state, and the UNIVERSAL_LOGOUT's own (counted too).</summary>
internal sealed record RemediationSummaryDto(int Pending, int InProgress, int Succeeded, int Failed, int Fixed, DateTimeOffset? CompletedAt, RemediationDto? Logout);

internal sealed record HistoryEntryDto(string Id, bool SystemGenerated, DateTimeOffset Timestamp, string Message, UserProfileDto? PrincipalProfile);

internal sealed record ActionRequest(string? ActionType);

internal sealed record ActionDto(string ActionType);

internal sealed record CommentRequest(string? Comment);

internal sealed record ReviewStatsDto(int ActiveCount, int PendingCount, int ErrorCount, int ClosedCount);

internal sealed record PrincipalDetailsDto(
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

internal sealed record LocationDto(string? City, string? State, string? Country);

internal sealed record LastLoginInfoDto(DateTimeOffset Date, LocationDto Location);

internal sealed record AdminRoleDto(string RoleId, string RoleName);

internal sealed record SummaryDto(string Message);
