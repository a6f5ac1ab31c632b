using AccessReviewFunctions.Domain.Reviews.Remediation;

namespace AccessReviewFunctions.Functions.Remediation;

/// <summary>Settings under "Remediation": which connector serves which application, retries, and the connectors' own settings.</summary>
internal sealed class RemediationOptions
{
    public const string Section = "Remediation";

    /// <summary>False: decisions still record their remediation (PENDING), but no work item is sent to carry it out.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The connector of every application without one of its own: inventory, webhook or scim.</summary>
    public string DefaultConnector { get; set; } = "inventory";

    /// <summary>Application id → connector name.</summary>
    public Dictionary<string, string> Applications { get; } = new(StringComparer.Ordinal);

    /// <summary>Attempts in all before a transiently failing change is FAILED.</summary>
    public int MaxAttempts { get; set; } = RetrySettings.Default.MaxAttempts;

    public TimeSpan RetryBaseDelay { get; set; } = RetrySettings.Default.BaseDelay;

    public TimeSpan RetryMaxDelay { get; set; } = RetrySettings.Default.MaxDelay;

    /// <summary>Downstream calls one work item makes at once (changes of the same application run in order).</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>How long a change a webhook accepted (202 PENDING) may wait for its status report before it FAILED.</summary>
    public TimeSpan ReportTimeout { get; set; } = TimeSpan.FromDays(1);

    public WebhookOptions Webhook { get; } = new();

    public ScimOptions Scim { get; } = new();

    public RetrySettings Retry => new(MaxAttempts, RetryBaseDelay, RetryMaxDelay);

    public string ConnectorFor(string appId) => Applications.GetValueOrDefault(appId) ?? DefaultConnector;

    internal bool IsValid() => MaxAttempts >= 1 && Concurrency >= 1 && RetryBaseDelay >= TimeSpan.Zero && RetryMaxDelay >= RetryBaseDelay && ReportTimeout > TimeSpan.Zero;
}

/// <summary>The webhook connector: where to POST, the HMAC-SHA256 secret and the per-attempt timeout.</summary>
internal sealed class WebhookOptions
{
    public Uri? Url { get; set; }

    public string? Secret { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>The SCIM 2.0 connector: the service's base URL, its bearer token, and whether a logout deactivates the user.</summary>
internal sealed class ScimOptions
{
    public Uri? BaseUrl { get; set; }

    public string? Token { get; set; }

    public bool DeactivateOnLogout { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
