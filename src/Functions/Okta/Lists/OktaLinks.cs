using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace AccessReviewFunctions.Functions.Okta.Lists;

internal sealed record LinkDto(string Href, LinkHints Hints);

internal sealed record LinkHints(IReadOnlyList<string> Allow);

/// <summary>The one builder of links: <c>_links</c> entries with their allowed methods, and RFC 8288 <c>Link</c> headers.</summary>
internal static class OktaLinks
{
    public static LinkDto Link(string href, params string[] allow) => new(href, new LinkHints(allow));

    public static string Absolute(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{request.PathBase}{path}";

    public static string Self(HttpRequest request) => Absolute(request, request.Path + request.QueryString);

    /// <summary>
    /// The same request for the page after <paramref name="after"/>: every parameter kept, limit and after set, and
    /// <paramref name="pinned"/> set to the values this page used (a window computed from "now" stays the same).
    /// </summary>
    public static string Next(HttpRequest request, int limit, string after, IReadOnlyDictionary<string, string?>? pinned = null)
    {
        var replaced = new HashSet<string>(["limit", "after", .. pinned?.Keys ?? []], StringComparer.OrdinalIgnoreCase);
        var query = request.Query
            .Where(q => !replaced.Contains(q.Key))
            .Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString()))
            .Concat(pinned ?? new Dictionary<string, string?>())
            .Append(KeyValuePair.Create("limit", (string?)limit.ToString(CultureInfo.InvariantCulture)))
            .Append(KeyValuePair.Create("after", (string?)after));
        return QueryHelpers.AddQueryString(Absolute(request, request.Path), query);
    }

    public static void Header(HttpResponse response, string href, string rel) => response.Headers.Append("Link", $"<{href}>; rel=\"{rel}\"");
}
