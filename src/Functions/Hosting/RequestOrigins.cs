using System.Net;
using AccessReviewFunctions.Domain.Audit;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace AccessReviewFunctions.Functions.Hosting;

/// <summary>
/// Where a request came from, for the System Log (<see cref="RequestOrigin"/>). <c>X-Forwarded-For</c> is honoured only
/// from the proxies configured under <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges), by ASP.NET Core's <see cref="ForwardedHeadersMiddleware"/>;
/// none is trusted by default (not even loopback; without any the middleware is not used at all), so a forged header
/// from anyone else is ignored. The session id is
/// the token's <c>sid</c> claim (OpenID Connect's session id: one per sign-in, shared by every token of it), not
/// <c>jti</c>, which names one token and would split a session at each refresh.
/// </summary>
internal static class RequestOrigins
{
    public const string Section = "ForwardedHeaders";
    public const string SessionClaim = "sid";

    /// <summary>The connection's own address before any forwarded header was applied.</summary>
    private const string PeerItem = "RequestOrigins.Peer";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            o.ForwardLimit = section.GetValue("ForwardLimit", 1);
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>
    /// Notes the connection's address, then lets the framework apply X-Forwarded-For from a trusted proxy. Without a
    /// configured proxy the middleware is left out: with both lists empty it would believe any sender.
    /// </summary>
    public static void UseTrustedProxies(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            context.Items[PeerItem] = context.Connection.RemoteIpAddress;
            return next(context);
        });
        var options = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
    }

    public static RequestOrigin From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        var peer = context.Items.TryGetValue(PeerItem, out var noted) ? noted as IPAddress : address;
        var userAgent = context.Request.Headers.UserAgent.ToString();
        return new RequestOrigin(
            Show(address),
            userAgent.Length == 0 ? null : userAgent,
            !Equals(peer, address),
            context.User.FindFirst(SessionClaim)?.Value);
    }

    private static string? Show(IPAddress? address) => address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
