namespace AccessReviewFunctions.Functions.Okta.Accesses;

public sealed record AccessItemDto(
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

public sealed record AppInfoDto(
    string Id,
    string Name,
    string Label,
    DateTimeOffset AssignedDate,
    string AssignmentType,
    int ApplicationUsage,
    DateTimeOffset? LastAccess,
    IReadOnlyList<EntitlementDto>? ActiveEntitlements);

public sealed record EntitlementDto(string Id, string Name, string? Description);

public sealed record SubAccessItemDto(
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

public sealed record EntitlementInfoDto(
    string Type,
    string? Description,
    string? EntitlementDescription,
    string AssignmentType,
    IReadOnlyList<string> CollectionsAssigning,
    IReadOnlyList<EntitlementDto> Entitlements,
    IReadOnlyList<string> GovernanceLabels);

public sealed record AnomalyDto(string Type, string Severity, SubtextDto Subtext);

public sealed record SubtextDto(string Message, IReadOnlyList<AnomalyArgDto>? Args);

public sealed record AnomalyArgDto(string Value, string Type);

public sealed record ItemActionRequest(string? Type);
