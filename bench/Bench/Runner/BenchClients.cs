using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AccessReviewFunctions.Bench;

/// <summary>A bench host's client carrying a development token (Auth:DevTokens) for a subject and its roles.</summary>
internal static class BenchClients
{
    public static async Task<HttpClient> AuthorizeAsync(HttpClient client, object claims, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Timeout = timeout;
        var token = await (await client.PostAsJsonAsync("/dev/token", claims)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return client;
    }
}
