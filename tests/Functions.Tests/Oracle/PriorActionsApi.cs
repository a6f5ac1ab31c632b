using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AccessReviewFunctions.Functions.Tests.Oracle;

/// <summary>Calls to the Oracle prior-actions route: status, the opc headers and the body.</summary>
internal static class PriorActionsApi
{
    public const string Base = "/access-governance/access-reviews/20250331/accessReviews";

    public static async Task<Answer> GetAsync(HttpClient client, string accessReviewId, string query = "", string? requestId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/{accessReviewId}/priorActions{(query.Length == 0 ? "" : "?" + query)}");
        if (requestId is not null)
        {
            request.Headers.TryAddWithoutValidation("opc-request-id", requestId);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Answer(response.StatusCode, Header(response, "opc-request-id"), Header(response, "opc-next-page"), body);
    }

    /// <summary>Every page at <paramref name="query"/>, following opc-next-page; the campaign names in order and the page count.</summary>
    public static async Task<(List<string> Campaigns, int Pages)> AllPagesAsync(HttpClient client, string accessReviewId, string query)
    {
        var campaigns = new List<string>();
        var pages = 0;
        string? page = null;
        do
        {
            var answer = await GetAsync(client, accessReviewId, page is null ? query : $"{query}&page={Uri.EscapeDataString(page)}");
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            campaigns.AddRange(answer.Campaigns);
            page = answer.NextPage;
            pages++;
        }
        while (page is not null && pages < 10);

        return (campaigns, pages);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    internal sealed record Answer(HttpStatusCode Status, string? RequestId, string? NextPage, JsonElement Body)
    {
        public List<JsonElement> Items => [.. Body.GetProperty("items").EnumerateArray()];

        public List<string> Campaigns => [.. Items.Select(i => i.GetProperty("campaignName").GetString()!)];

        public string Code => Body.GetProperty("code").GetString()!;

        public string Message => Body.GetProperty("message").GetString()!;
    }
}
