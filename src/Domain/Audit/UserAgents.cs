namespace AccessReviewFunctions.Domain.Audit;

/// <summary>
/// The operating system and browser a raw user agent names, in the System Log's spelling (<c>os</c> "Windows",
/// "Mac OS X", "iOS", "Android", "Linux", "Chrome OS"; <c>browser</c> "CHROME", "FIREFOX", "SAFARI", "EDGE",
/// "OPERA", "IE"). Either is null when the string does not say (curl, SDKs, scripts), as Okta leaves them.
/// </summary>
public static class UserAgents
{
    public static AuditUserAgent Describe(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return new AuditUserAgent(raw, Os(raw), Browser(raw));
    }

    private static bool Has(string raw, string token) => raw.Contains(token, StringComparison.OrdinalIgnoreCase);

    // Order matters: iPhone agents say "like Mac OS X", Android agents say "Linux", Chrome OS says "X11; CrOS".
    private static string? Os(string raw) =>
        Has(raw, "iPhone") || Has(raw, "iPad") ? "iOS"
        : Has(raw, "Android") ? "Android"
        : Has(raw, "CrOS") ? "Chrome OS"
        : Has(raw, "Windows") ? "Windows"
        : Has(raw, "Mac OS X") || Has(raw, "Macintosh") ? "Mac OS X"
        : Has(raw, "Linux") ? "Linux"
        : null;

    // Edge and Opera also say "Chrome/", Chrome also says "Safari/": the more specific token first.
    private static string? Browser(string raw) =>
        Has(raw, "Edg/") || Has(raw, "Edge/") ? "EDGE"
        : Has(raw, "OPR/") || Has(raw, "Opera") ? "OPERA"
        : Has(raw, "Firefox/") ? "FIREFOX"
        : Has(raw, "Chrome/") || Has(raw, "CriOS/") ? "CHROME"
        : Has(raw, "Trident/") || Has(raw, "MSIE ") ? "IE"
        : Has(raw, "Safari/") && Has(raw, "Version/") ? "SAFARI"
        : null;
}
