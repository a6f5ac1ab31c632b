using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AccessReviewFunctions.Functions.Tests.Reviews;

/// <summary>Helpers for the read routes: list pages, their ids, following next links, 400 causes.</summary>
internal static class ReadApi
{
    public static async Task<(JsonElement Body, HttpResponseMessage Response)> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return (body, response);
    }

    public static async Task<List<string>> IdsAsync(HttpClient client, string url) => Ids((await GetPageAsync(client, url)).Body);

    public static async Task<List<string>> NamesAsync(HttpClient client, string url) =>
        (await GetPageAsync(client, url)).Body.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToList();

    public static List<string> Ids(JsonElement page) =>
        page.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();

    public static string? Next(JsonElement page) =>
        page.GetProperty("_links").TryGetProperty("next", out var next) ? next.GetProperty("href").GetString() : null;

    public static string? LinkHeader(HttpResponseMessage response, string rel) =>
        response.Headers.TryGetValues("Link", out var values)
            ? values.Where(v => v.EndsWith($"rel=\"{rel}\"", StringComparison.Ordinal)).Select(v => v[1..v.IndexOf('>', StringComparison.Ordinal)]).SingleOrDefault()
            : null;

    /// <summary>Every id over all pages, following _links.next (or the Link header's next when <paramref name="viaHeader"/>).</summary>
    public static async Task<(List<string> Ids, int Pages)> AllPagesAsync(HttpClient client, string url, bool viaHeader = false)
    {
        var ids = new List<string>();
        var pages = 0;
        for (string? at = url; at is not null; pages++)
        {
            var (body, response) = await GetPageAsync(client, at);
            ids.AddRange(Ids(body));
            at = viaHeader ? LinkHeader(response, "next") : Next(body);
            Assert.Equal(Next(body), LinkHeader(response, "next"));
        }

        return (ids, pages);
    }

    public static async Task<List<string>> BadRequestCausesAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"GET {url}: {(int)response.StatusCode} {body}");
        Assert.Equal("E0000001", body.GetProperty("errorCode").GetString());
        var causes = ReviewsApi.Causes(body).ToList();
        Assert.NotEmpty(causes);
        return causes;
    }

    public static string Q(string text) => Uri.EscapeDataString(text);
}
