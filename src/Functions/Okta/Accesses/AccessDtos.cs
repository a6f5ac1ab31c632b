namespace AccessReviewFunctions.Functions.Okta.Accesses;

/// <summary>
/// An access item as Okta's <c>security-access-review-access-item</c>; <c>priority</c> and the decision fields
/// (<c>decision</c>, <c>decidedBy</c>, <c>decidedAt</c>, <c>automatic</c>, <c>note</c>) are this project's additions.
/// </summary>
internal sealed record AccessItemDto(
    string Id,
    string Type,
    string Name,
    string ResourceId,
    string Severity,
    string Priority,
    IReadOnlyList<string> SupportedActions,
    AppInfoDto AppInfo,
    IReadOnlyList<string>? SubAccessTypes,
    string? Decision,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    bool? Automatic,
    string? Note,
    RemediationDto? Remediation);

internal sealed record AppInfoDto(
    string Id,
    string Name,
    string Label,
    string LogoUrl,
    DateTimeOffset AssignedDate,
    string AssignmentType,
    int ApplicationUsage,
    DateTimeOffset? LastAccessDate,
    DateTimeOffset? LastSecurityAccessReviewDate,
    IReadOnlyList<EntitlementDto>? ActiveEntitlements,
    IReadOnlyList<GovernanceLabelDto> GovernanceLabels);

internal sealed record EntitlementDto(string Id, string Name, string? Description);

internal sealed record GovernanceLabelDto(string Value, string Color);

/// <summary>A sub-access item as Okta's <c>security-access-review-sub-access-item</c>, plus priority, description and the decision fields.</summary>
internal sealed record SubAccessItemDto(
    string Id,
    string Name,
    string Type,
    string ResourceId,
    string Severity,
    string Priority,
    IReadOnlyList<string> SupportedActions,
    string? Description,
    EntitlementInfoDto? EntitlementInfo,
    GroupInfoDto? GroupInfo,
    string? Decision,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    bool? Automatic,
    string? Note,
    RemediationDto? Remediation);

internal sealed record EntitlementInfoDto(
    string Type,
    string? Description,
    string? EntitlementDescription,
    DateTimeOffset AssignedDate,
    string AssignmentType,
    IReadOnlyList<CollectionDto> CollectionsAssigning,
    IReadOnlyList<EntitlementDto> Entitlements,
    DateTimeOffset? LastSecurityAccessReviewDate,
    IReadOnlyList<GovernanceLabelDto> GovernanceLabels);

internal sealed record GroupInfoDto(
    string? Description,
    DateTimeOffset AssignedDate,
    string AssignmentType,
    DateTimeOffset? LastSecurityAccessReviewDate,
    IReadOnlyList<GovernanceLabelDto> GovernanceLabels);

internal sealed record CollectionDto(string Id, string Name);

internal sealed record AnomalyDto(string Type, string Severity, SubtextDto Subtext, IReadOnlyList<SodConflictDto>? SodConflicts);

internal sealed record SubtextDto(string Message, IReadOnlyList<AnomalyArgDto>? Args);

internal sealed record AnomalyArgDto(string Value, string Type);

internal sealed record SodConflictDto(string Id, string Name, string Operator, IReadOnlyList<ConflictedListDto> ConflictedEntitlements);

internal sealed record ConflictedListDto(string ListName, string Scope, IReadOnlyList<ConflictedEntitlementDto> Entitlements);

internal sealed record ConflictedEntitlementDto(string Id, string Name, IReadOnlyList<ConflictedValueDto> Values);

internal sealed record ConflictedValueDto(string Id, string Name, bool SourceOfConflict);

internal sealed record ItemActionRequest(string? Type);

/// <summary>
/// The downstream change of an item's decision: its id (what a webhook receiver reports on), REVOKE or RESTORE, the
/// status, attempts, the last error, the result, and when it was created, last changed and finished.
/// </summary>
internal sealed record RemediationDto(
    string Id, string Kind, string Status, int Attempts, string? LastError, string? Result, bool? Manual,
    DateTimeOffset Created, DateTimeOffset LastUpdated, DateTimeOffset? Completed);
