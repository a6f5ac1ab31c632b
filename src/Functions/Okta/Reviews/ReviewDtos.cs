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

public sealed record ItemActionRequest(string? Type);

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

public sealed record LinkDto(string Href, LinkHints Hints);

public sealed record LinkHints(IReadOnlyList<string> Allow);

public sealed record ListDto<T>(IReadOnlyList<T> Data, IReadOnlyDictionary<string, LinkDto> _links);

public sealed record HistoryEntryDto(string Id, bool SystemGenerated, DateTimeOffset Timestamp, string Message, UserProfileDto? PrincipalProfile);

public sealed record ActionRequest(string? ActionType);

public sealed record ActionDto(string ActionType);

public sealed record CommentRequest(string? Comment);
