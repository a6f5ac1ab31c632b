namespace AccessReviewFunctions.Functions.Okta.Accesses;

internal sealed record AccessItemDto(
    string Id,
    string Type,
    string Name,
    string Severity,
    string Priority,
    IReadOnlyList<string> SupportedActions,
    AppInfoDto AppInfo,
    IReadOnlyList<string>? SubAccessTypes,
    IReadOnlyList<string> GovernanceLabels,
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
    DateTimeOffset AssignedDate,
    string AssignmentType,
    int ApplicationUsage,
    DateTimeOffset? LastAccess,
    IReadOnlyList<EntitlementDto>? ActiveEntitlements);

internal sealed record EntitlementDto(string Id, string Name, string? Description);

internal sealed record SubAccessItemDto(
    string Id,
    string Name,
    string Type,
    string Severity,
    string Priority,
    IReadOnlyList<string> SupportedActions,
    string? Description,
    EntitlementInfoDto? EntitlementInfo,
    IReadOnlyList<string> GovernanceLabels,
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
    string AssignmentType,
    IReadOnlyList<string> CollectionsAssigning,
    IReadOnlyList<EntitlementDto> Entitlements,
    IReadOnlyList<string> GovernanceLabels);

internal sealed record AnomalyDto(string Type, string Severity, SubtextDto Subtext);

internal sealed record SubtextDto(string Message, IReadOnlyList<AnomalyArgDto>? Args);

internal sealed record AnomalyArgDto(string Value, string Type);

internal sealed record ItemActionRequest(string? Type);

/// <summary>
/// The downstream change of an item's decision: its id (what a webhook receiver reports on), REVOKE or RESTORE, the
/// status, attempts, the last error, the result, and when it was created, last changed and finished.
/// </summary>
internal sealed record RemediationDto(
    string Id, string Kind, string Status, int Attempts, string? LastError, string? Result, bool? Manual,
    DateTimeOffset Created, DateTimeOffset LastUpdated, DateTimeOffset? Completed);
