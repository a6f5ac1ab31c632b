using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;

namespace AccessReviewFunctions.Faults;

/// <summary>An answer: the status (0 when none came: the connection failed or timed out), the body, the Link rel="next".</summary>
internal sealed record Reply(int Status, string Body, string? Next = null)
{
    public bool Ok => Status is >= 200 and < 300;

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"{Status} {(Body.Length > 300 ? Body[..300] : Body)}";
}

/// <summary>
/// HTTP to whichever host answers, round robin, as a load balancer in front of the hosts would: a request that finds a
/// host dead (or storage away, 503) goes to the next one until <see cref="Patience"/> runs out. Development tokens are
/// signed with the hosts' shared key, so one token works on every host.
/// </summary>
internal sealed class Api(Func<HostProcess?[]> hosts) : IDisposable
{
    public const string Admin = "00ufaultadmin0000001";
    private readonly ConcurrentDictionary<Uri, HttpClient> clients = new();
    private readonly ConcurrentDictionary<string, string> tokens = new(StringComparer.Ordinal);
    private int next;

    public TimeSpan Patience { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Sends until a host gives an answer. With <paramref name="retryUnknown"/> a lost connection, a timeout, a 503 and
    /// a 409 are sent again (safe for reads and for writes with an Idempotency-Key); without it they are returned, so
    /// the caller can look whether the write happened before it sends it again.
    /// </summary>
    public async Task<Reply> SendAsync(HttpMethod method, string path, string subject, object? body = null, string? idempotencyKey = null, bool retryUnknown = true)
    {
        var deadline = DateTime.UtcNow + Patience;
        Reply? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var live = hosts().Where(h => h is not null).ToArray();
            if (live.Length == 0)
            {
                await Task.Delay(500);
                continue;
            }

            var client = Client(live[(int)((uint)Interlocked.Increment(ref next) % live.Length)]!);
            try
            {
                using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, subject));
                if (body is not null)
                {
                    request.Content = JsonContent.Create(body);
                }

                if (idempotencyKey is not null)
                {
                    request.Headers.Add("Idempotency-Key", idempotencyKey);
                }

                using var response = await client.SendAsync(request);
                last = new Reply((int)response.StatusCode, await response.Content.ReadAsStringAsync(), NextLink(response));
                if (!retryUnknown || last.Status is not (503 or 409))
                {
                    return last;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = new Reply(0, e.Message);
                if (!retryUnknown)
                {
                    return last;
                }
            }

            await Task.Delay(250);
        }

        return last ?? new Reply(0, "no host answered");
    }

    public Task<Reply> GetAsync(string path, string subject = Admin) => SendAsync(HttpMethod.Get, path, subject);

    /// <summary>GET that must answer 2xx (after retries), as JSON.</summary>
    public async Task<JsonElement> ReadAsync(string path, string subject = Admin)
    {
        var reply = await GetAsync(path, subject);
        return reply.Ok ? reply.Json() : throw new InvalidOperationException($"GET {path}: {reply}");
    }

    /// <summary>Every element of a paged Okta list (<c>data</c> and <c>_links.next</c>).</summary>
    public async Task<List<JsonElement>> ReadAllAsync(string path, string subject = Admin)
    {
        var all = new List<JsonElement>();
        for (string? at = path; at is not null;)
        {
            var page = await ReadAsync(at, subject);
            all.AddRange(page.GetProperty("data").EnumerateArray());
            at = page.TryGetProperty("_links", out var links) && links.TryGetProperty("next", out var n) && n.TryGetProperty("href", out var href)
                ? new Uri(href.GetString()!).PathAndQuery
                : null;
        }

        return all;
    }

    public void Dispose()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    /// <summary>Every element of a JSON array list paged by <c>Link: &lt;…&gt;; rel="next"</c> (the System Log).</summary>
    public async Task<List<JsonElement>> ReadAllLinkedAsync(string path)
    {
        var all = new List<JsonElement>();
        for (string? at = path; at is not null;)
        {
            var reply = await GetAsync(at);
            var page = reply.Ok ? reply.Json() : throw new InvalidOperationException($"GET {at}: {reply}");
            all.AddRange(page.EnumerateArray());
            at = reply.Next is null || page.GetArrayLength() == 0 ? null : new Uri(reply.Next).PathAndQuery;
        }

        return all;
    }

    private static string? NextLink(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var values)
            ? values.Where(v => v.EndsWith("rel=\"next\"", StringComparison.Ordinal)).Select(v => v[1..v.IndexOf('>', StringComparison.Ordinal)]).FirstOrDefault()
            : null;

    private HttpClient Client(HostProcess host) => clients.GetOrAdd(host.Address, a => new HttpClient { BaseAddress = a, Timeout = TimeSpan.FromMinutes(2) });

    private async Task<string> TokenAsync(HttpClient client, string subject)
    {
        if (tokens.TryGetValue(subject, out var token))
        {
            return token;
        }

        var roles = subject == Admin ? new[] { "SUPER_ADMIN" } : [];
        using var response = await client.PostAsJsonAsync("/dev/token", new { sub = subject, roles });
        response.EnsureSuccessStatusCode();
        token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        return tokens.GetOrAdd(subject, token);
    }
}
