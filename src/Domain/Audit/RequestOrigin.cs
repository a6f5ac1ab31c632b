namespace AccessReviewFunctions.Domain.Audit;

/// <summary>
/// Where a person's request came from, as the System Log records it on the events it causes: the client's address
/// (the socket's, or the one a configured proxy forwarded), its raw user agent, whether a proxy forwarded it, and the
/// identity provider's session id from the token (<c>sid</c>), so the events of one sign-in correlate.
/// </summary>
public sealed record RequestOrigin(string? IpAddress, string? RawUserAgent, bool IsProxy, string? SessionId)
{
    /// <summary>The event with this origin's client, security and authentication context; there is no GeoIP data here, so no geographical context.</summary>
    public AuditEvent ApplyTo(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e with
        {
            Client = new AuditClient(IpAddress, RawUserAgent is null ? null : UserAgents.Describe(RawUserAgent)),
            SecurityContext = new AuditSecurityContext(IsProxy),
            AuthenticationContext = new AuditAuthenticationContext(SessionId),
        };
    }
}
