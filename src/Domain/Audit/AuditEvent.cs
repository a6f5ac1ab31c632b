namespace AccessReviewFunctions.Domain.Audit;

/// <summary>
/// One Okta System Log entry (the LogEvent shape). Serialized camelCase with nulls omitted, it reads like
/// <c>GET /api/v1/logs</c> from Okta: uuid, published, eventType, version, severity, displayMessage, actor,
/// client, authenticationContext, securityContext, target[], outcome, transaction, debugContext.
/// </summary>
public sealed record AuditEvent(
    string Uuid,
    DateTimeOffset Published,
    string EventType,
    string Version,
    string Severity,
    string DisplayMessage,
    AuditActor Actor,
    AuditClient Client,
    AuditAuthenticationContext AuthenticationContext,
    AuditSecurityContext SecurityContext,
    IReadOnlyList<AuditTarget> Target,
    AuditOutcome Outcome,
    AuditTransaction Transaction,
    AuditDebugContext DebugContext)
{
    /// <summary>The same event with its actor and targets' display data replaced (read-time enrichment).</summary>
    public AuditEvent WithDisplay(Func<string, (string AlternateId, string DisplayName)?> userProfile, (string AlternateId, string DisplayName) system)
    {
        ArgumentNullException.ThrowIfNull(userProfile);
        var actor = Actor.Type == AuditTypes.User && userProfile(Actor.Id) is { } a ? Actor with { AlternateId = a.AlternateId, DisplayName = a.DisplayName }
            : Actor.Type == AuditTypes.SystemPrincipal ? Actor with { AlternateId = system.AlternateId, DisplayName = system.DisplayName }
            : Actor;
        var targets = Target.Select(t => t.Type == AuditTypes.User && userProfile(t.Id) is { } p
            ? t with { AlternateId = p.AlternateId, DisplayName = p.DisplayName }
            : t).ToList();
        return this with { Actor = actor, Target = targets };
    }
}

public sealed record AuditActor(string Id, string Type, string AlternateId, string DisplayName, IReadOnlyDictionary<string, string>? DetailEntry = null);

public sealed record AuditTarget(string Id, string Type, string AlternateId, string DisplayName, IReadOnlyDictionary<string, string>? DetailEntry = null);

public sealed record AuditOutcome(string Result, string? Reason);

public sealed record AuditTransaction(string Type, string Id, IReadOnlyDictionary<string, string>? Detail = null);

public sealed record AuditDebugContext(IReadOnlyDictionary<string, string> DebugData);

/// <summary>Where the request came from (<see cref="RequestOrigin"/>); unknown for the workflow's own events, so left empty. No geographical context: there is no GeoIP database here.</summary>
public sealed record AuditClient(string? IpAddress = null, AuditUserAgent? UserAgent = null, string? Zone = null, string? Device = null, AuditGeographicalContext? GeographicalContext = null);

public sealed record AuditGeographicalContext(string? City, string? State, string? Country, string? PostalCode);

public sealed record AuditUserAgent(string? RawUserAgent, string? Os, string? Browser);

public sealed record AuditAuthenticationContext(string? ExternalSessionId = null, string? AuthenticationProvider = null);

public sealed record AuditSecurityContext(bool? IsProxy = null, string? Isp = null, string? Domain = null);

/// <summary>The spellings the System Log uses for types, results, severities and transactions.</summary>
public static class AuditTypes
{
    public const string User = "User";
    public const string SystemPrincipal = "SystemPrincipal";
    public const string Review = "SecurityAccessReview";
    public const string AccessItem = "AccessItem";
    public const string Success = "SUCCESS";
    public const string Failure = "FAILURE";
    public const string Info = "INFO";
    public const string Warn = "WARN";
    public const string Web = "WEB";
    public const string Job = "JOB";
    public const string Version = "0";

    public const string Create = "access.review.create";
    public const string Start = "access.review.start";
    public const string Close = "access.review.close";
    public const string Action = "access.review.action";
    public const string Update = "access.review.update";
    public const string Remediate = "access.review.remediate";

    /// <summary>Every event type this service writes.</summary>
    public static readonly IReadOnlyList<string> EventTypes = [Create, Start, Close, Action, Update, Remediate];
}
