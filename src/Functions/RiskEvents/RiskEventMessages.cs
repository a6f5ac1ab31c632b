using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AccessReviewFunctions.Domain.Ids;
using AccessReviewFunctions.Functions.Runtime;

namespace AccessReviewFunctions.Functions.RiskEvents;

/// <summary>
/// One Okta System Log event on the <c>risk-events</c> queue, as it arrived (<see cref="Body"/>, parsed by the
/// handler, so a broken one reaches the poison queue with its reason). Its id is the event's uuid, so the same
/// event sent twice is one message's work.
/// </summary>
internal sealed record RiskEventReceived(string Key, string Body) : IWorkflowMessage
{
    public const string Queue = "risk-events";

    public string MessageId => $"risk.{Key}";

    /// <summary>The message for one event's JSON: keyed by its uuid, or by the hash of the text when it has none.</summary>
    public static RiskEventReceived For(JsonElement e, string? replay = null)
    {
        var body = e.GetRawText();
        var uuid = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("uuid", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        var key = uuid is { Length: > 0 and <= 100 } && uuid.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? uuid
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..32];
        return new RiskEventReceived(replay is null ? key : $"{key}.{replay}", body);
    }

    /// <summary>The review an event starts: an id derived from the event, so every delivery names the same review.</summary>
    public static string ReviewIdFor(string eventUuid, DateTimeOffset published) =>
        PrefixedIds.New("sar", published, SHA256.HashData(Encoding.UTF8.GetBytes($"risk-event:{eventUuid}")).AsSpan(0, 16));
}
