using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AccessReviewFunctions.Functions.Remediation.Connectors;

/// <summary>
/// The webhook's signature header: <c>t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{body}"}</c>. The timestamp is
/// signed with the body, so a receiver can reject a replay by its age.
/// </summary>
internal static class WebhookSignature
{
    public const string Header = "X-Remediation-Signature";
    public const string IdempotencyHeader = "Idempotency-Key";

    public static string Sign(string secret, DateTimeOffset at, string body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Mac(secret, timestamp, body)}";
    }

    /// <summary>True when the header signs this body with this secret and is no older than <paramref name="maxAge"/>.</summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan maxAge)
    {
        var parts = (header ?? string.Empty).Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("t", out var timestamp) || !parts.TryGetValue("v1", out var mac)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > maxAge)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(mac), Encoding.ASCII.GetBytes(Mac(secret, timestamp, body)));
    }

    private static string Mac(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
