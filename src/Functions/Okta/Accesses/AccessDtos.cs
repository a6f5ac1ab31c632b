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
    string? Note);

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
    string? Note);

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
