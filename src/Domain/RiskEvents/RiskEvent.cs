using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccessReviewFunctions.Domain.Audit;

namespace AccessReviewFunctions.Domain.RiskEvents;

/// <summary>How risky an event says it is, from <c>debugContext.debugData.risk</c>.</summary>
public enum RiskLevel
{
    NONE = 0,
    LOW = 1,
    MEDIUM = 2,
    HIGH = 3,
}

/// <summary>
/// An Okta System Log event as a risk-event source delivers it (an event hook or the <c>risk-events</c> queue), read
/// strictly: <c>uuid</c>, <c>eventType</c> and <c>published</c> are required; the rest is kept as the LogEvent shape
/// (<see cref="AuditEvent"/>) so it can be stored in the System Log as it came.
/// </summary>
public sealed partial record RiskEvent(AuditEvent Event, RiskLevel? Level)
{
    public string Uuid => Event.Uuid;

    public string EventType => Event.EventType;

    /// <summary>Events this service stores in its System Log whether or not a policy acts on them.</summary>
    public bool IsAccessEvent => EventType.StartsWith("access.request.", StringComparison.Ordinal) || EventType.StartsWith("access.review.", StringComparison.Ordinal);

    /// <summary>Reads one event; a <see cref="FormatException"/> says what is wrong with it.</summary>
    public static RiskEvent Parse(string json)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new FormatException($"not JSON: {error.Message}", error);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("an event must be a JSON object");
        }

        var uuid = Text(root, "uuid") ?? throw new FormatException("uuid is required");
        var eventType = Text(root, "eventType") ?? throw new FormatException("eventType is required");
        var publishedText = Text(root, "published") ?? throw new FormatException("published is required");
        if (!DateTimeOffset.TryParse(publishedText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var published))
        {
            throw new FormatException("published must be an ISO-8601 timestamp");
        }

        var debug = DebugData(root);
        var actor = Party(Child(root, "actor")) is { } a ? new AuditActor(a.Id, a.Type, a.AlternateId, a.DisplayName) : new AuditActor("unknown", "Unknown", "unknown", "unknown");
        var targets = Child(root, "target") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(t => Party(t)).OfType<AuditTarget>().ToList()
            : [];
        var outcome = Child(root, "outcome");
        var client = Child(root, "client");
        var e = new AuditEvent(
            uuid,
            published,
            eventType,
            Text(root, "version") ?? AuditTypes.Version,
            Text(root, "severity") ?? AuditTypes.Info,
            Text(root, "displayMessage") ?? eventType,
            actor,
            new AuditClient(
                Text(client, "ipAddress"),
                Child(client, "userAgent") is { } agent ? new AuditUserAgent(Text(agent, "rawUserAgent"), Text(agent, "os"), Text(agent, "browser")) : null,
                Text(client, "zone"),
                Text(client, "device"),
                Child(client, "geographicalContext") is { } geo ? new AuditGeographicalContext(Text(geo, "city"), Text(geo, "state"), Text(geo, "country"), Text(geo, "postalCode")) : null),
            new AuditAuthenticationContext(Text(Child(root, "authenticationContext"), "externalSessionId"), Text(Child(root, "authenticationContext"), "authenticationProvider")),
            new AuditSecurityContext(Child(Child(root, "securityContext"), "isProxy") is { ValueKind: JsonValueKind.True or JsonValueKind.False } proxy ? proxy.GetBoolean() : null, Text(Child(root, "securityContext"), "isp"), Text(Child(root, "securityContext"), "domain")),
            targets,
            new AuditOutcome(Text(outcome, "result") ?? "UNKNOWN", Text(outcome, "reason")),
            new AuditTransaction(Text(Child(root, "transaction"), "type") ?? AuditTypes.Web, Text(Child(root, "transaction"), "id") ?? uuid),
            new AuditDebugContext(debug));
        return new RiskEvent(e, LevelOf(debug));
    }

    /// <summary>
    /// The level in <c>debugData.risk</c>: Okta writes it as text, <c>{level=HIGH, reasons=...}</c>, or as a JSON
    /// object (<c>{"level": "HIGH", ...}</c>) for <c>user.risk.detect</c>; <c>riskLevel</c> is read too.
    /// </summary>
    private static RiskLevel? LevelOf(Dictionary<string, string> debug)
    {
        foreach (var key in new[] { "risk", "riskLevel" })
        {
            if (debug.TryGetValue(key, out var text) && LevelPattern().Match(text) is { Success: true } m
                && Enum.TryParse<RiskLevel>(m.Groups["level"].Value, ignoreCase: true, out var level) && level != RiskLevel.NONE)
            {
                return level;
            }
        }

        return null;
    }

    [GeneratedRegex("""(?:level\W*|^\W*)(?<level>LOW|MEDIUM|HIGH)\b""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LevelPattern();

    private static Dictionary<string, string> DebugData(JsonElement root)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(Child(root, "debugContext"), "debugData") is { ValueKind: JsonValueKind.Object } debug)
        {
            foreach (var property in debug.EnumerateObject())
            {
                data[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        return data;
    }

    private static AuditTarget? Party(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } e && Text(e, "id") is { } id
            ? new AuditTarget(id, Text(e, "type") ?? "Unknown", Text(e, "alternateId") ?? id, Text(e, "displayName") ?? id)
            : null;

    private static JsonElement? Child(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? Text(JsonElement? element, string name) =>
        Child(element, name) is { } value ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;
}
