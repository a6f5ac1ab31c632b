using AccessReviewFunctions.Domain.Querying;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessReviewFunctions.Functions.Okta.Lists;

internal sealed record ListDto<T>(IReadOnlyList<T> Data, IReadOnlyDictionary<string, LinkDto> _links);

/// <summary>
/// The one way a page of a list answers: self and, when more rows remain, next, as <c>Link</c> headers; the
/// governance lists also put them in <c>_links</c> beside <c>data</c>, the core APIs (users, logs) answer a bare array.
/// </summary>
internal static class OktaLists
{
    public static Ok<ListDto<TDto>> Data<TRow, TDto>(HttpContext http, Page<TRow> page, int limit, Func<TRow, TDto> map)
    {
        var links = WriteLinks(http, page, limit, null).ToDictionary(l => l.Rel, l => OktaLinks.Link(l.Href, "GET"));
        return TypedResults.Ok(new ListDto<TDto>([.. page.Items.Select(map)], links));
    }

    public static Ok<List<TDto>> Array<TRow, TDto>(HttpContext http, Page<TRow> page, int limit, Func<TRow, TDto> map, IReadOnlyDictionary<string, string?>? pinned = null)
    {
        WriteLinks(http, page, limit, pinned);
        return TypedResults.Ok(page.Items.Select(map).ToList());
    }

    private static List<(string Rel, string Href)> WriteLinks<TRow>(HttpContext http, Page<TRow> page, int limit, IReadOnlyDictionary<string, string?>? pinned)
    {
        var links = new List<(string Rel, string Href)> { ("self", OktaLinks.Self(http.Request)) };
        if (page.NextCursor is { } next)
        {
            links.Add(("next", OktaLinks.Next(http.Request, limit, next, pinned)));
        }

        foreach (var (rel, href) in links)
        {
            OktaLinks.Header(http.Response, href, rel);
        }

        return links;
    }
}
