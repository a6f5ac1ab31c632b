namespace AccessReviewFunctions.Functions.RiskEvents;

/// <summary>
/// <c>RiskEvents:*</c>: an event hook sender authenticates with a shared secret in a header (Okta event hooks send
/// the configured authorization header with every delivery and with the one-time verification).
/// </summary>
internal sealed class RiskEventOptions
{
    public const string Section = "RiskEvents";

    /// <summary>The shared secret; empty disables it, leaving only SUPER_ADMIN tokens.</summary>
    public string? HookSecret { get; set; }

    /// <summary>The header that carries it.</summary>
    public string HookHeader { get; set; } = "X-Event-Hook-Secret";
}
