using System.Net;
using System.Text;
using System.Text.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using AccessReviewFunctions.Functions.Tests.Reviews;
using Xunit.Abstractions;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Host;

/// <summary>
/// Malformed requests to every route: bodies, query parameters, path ids, headers and content types, generated from a
/// fixed seed. No answer may be a 5xx, and every 4xx carries Okta's error body (errorCode, errorSummary).
/// </summary>
public sealed class MalformedRequestTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AppRoutes = "/accesses/{item}";
    private readonly ApiHost host = new();
    private HttpClient admin = null!;
    private string reviewId = null!;
    private string itemId = null!;

    private static readonly string[] Ids =
    [
        // Not %00 in a path: Kestrel refuses it with a 400 before the app sees it (and the in-process test server throws).
        "", " ", "%0d%0a", "..", "%2e%2e%2f", new string('a', 3000), "sar%F0%9F%99%82", "%FF%FE", "'", "\"", "{", "null", "0", "-1",
        "sar00000000000000000", "%E2%80%AE", "a%2Fb", "$filter", "*",
    ];

    private static readonly string[] Bodies =
    [
        "", "null", "[]", "{}", "\"x\"", "1", "true", "{", "{\"a\":", "[1,2", "{\"name\":null}", "{\"name\":[]}", "{\"name\":{}}",
        "{\"principalId\":1e309}", "{\"endTime\":\"0001-01-01T00:00:00Z\"}", "{\"endTime\":\"9999-12-31T23:59:59.9999999Z\"}",
        "{\"endTime\":\"not a date\"}", "{\"expirationBehavior\":\"1\"}", "{\"expirationBehavior\":null}", "{\"autoComplete\":\"yes\"}",
        "{\"reviewerSettings\":null}", "{\"reviewerSettings\":{\"type\":\"GROUP\"}}", "{\"reviewerSettings\":{\"type\":\"USER\",\"userSettings\":{\"includedUserIds\":[null,1,{}]}}}",
        "{\"reviewerSettings\":{\"type\":\"USER\",\"userSettings\":{\"includedUserIds\":\"00u\"}}}", "{\"comment\":null}", "{\"comment\":7}",
        "{\"comment\":\"\\u0000\"}", "{\"actionType\":\"0\"}", "{\"actionType\":\"CLOSE_REVIEW, UNIVERSAL_LOGOUT\"}", "{\"type\":\"0\"}", "{\"type\":\"+1\"}",
        "{\"type\":null}", "{\"type\":[\"REVOKE_ACCESS\"]}", "{\"users\":[{\"id\":null}]}", "{\"users\":\"x\"}", "{\"grants\":[{}]}",
        new string('[', 5000) + new string(']', 5000), "{\"name\":\"" + new string('n', 100_000) + "\"}", "\uFEFF{}", "{\"name\":\"\\ud800\"}",
        "{\"sub\":null,\"roles\":7}",
    ];

    private static readonly string[] Queries =
    [
        "limit=0", "limit=-1", "limit=%2B5", "limit=1e3", "limit=99999999999999999999", "limit=abc", "limit=", "after=", "after=garbage",
        "after=%00", "after=" + new string('A', 4000), "filter=", "filter=(", "filter=name%20eq", "filter=name%20eq%20%22x", "filter=nope%20eq%20%22x%22",
        "filter=" + string.Concat(Enumerable.Repeat("(", 500)), "filter=status%20eq%20%220%22", "orderBy=", "orderBy=nope", "orderBy=created%20sideways",
        "q=" + new string('q', 3000), "q=%00", "since=0001-01-01T00:00:00Z", "until=9999-12-31T23:59:59.9999999Z", "since=yesterday", "until=",
        "sortOrder=sideways", "limit=1&limit=2", "filter=created%20gt%20%220001-01-01T00:00:00Z%22", "filter=created%20lt%20%229999-12-31T23:59:59.9999999Z%22",
    ];

    private static readonly string?[] ContentTypes = [null, "text/plain", "application/xml", "application/json; charset=utf-16", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", "application/json;;;"];

    public async Task InitializeAsync()
    {
        await TestInventory.ImportAsync(host);
        admin = host.AsAdmin();
        reviewId = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, reviewId, "ACTIVE");
        itemId = (await AccessesApi.ItemsAsync(admin, reviewId))[0].Id;
    }

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Every route, with {review} and {item} standing for a real review and access item.</summary>
    private static readonly (string Method, string Path)[] Routes =
    [
        ("POST", "/dev/token"), ("POST", "/api/v1/inventory/import"), ("GET", "/api/v1/users"), ("GET", "/api/v1/users/{id}"), ("GET", "/api/v1/logs"),
        ("POST", Admin), ("GET", Admin), ("GET", $"{Admin}/stats"), ("GET", $"{Admin}/{{review}}"), ("PATCH", $"{Admin}/{{review}}"),
        ("GET", $"{Admin}/{{review}}/history"), ("GET", $"{Admin}/{{review}}/actions"), ("POST", $"{Admin}/{{review}}/actions"),
        ("POST", $"{Admin}/{{review}}/comment"), ("POST", $"{Admin}/{{review}}/summary"), ("GET", $"{Admin}/{{review}}/principal"),
        ("GET", $"{Admin}/{{review}}/accesses"), ("GET", $"{Admin}/{{review}}{AppRoutes}/sub-accesses"), ("GET", $"{Admin}/{{review}}{AppRoutes}/anomalies"),
        ("POST", $"{Admin}/{{review}}{AppRoutes}/summary"), ("POST", $"{Admin}/{{review}}{AppRoutes}/actions"),
        ("GET", My), ("GET", $"{My}/{{review}}"), ("POST", $"{My}/{{review}}/actions"), ("POST", $"{My}/{{review}}/comment"), ("GET", $"{My}/{{review}}/accesses"),
        ("POST", $"{My}/{{review}}{AppRoutes}/actions"),
    ];

    [Fact]
    public async Task EveryRoute_MalformedInput_No5xxAndOktaBodyOn4xx()
    {
        var requests = Generate().ToList();
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        foreach (var (method, path, body, contentType, headers) in requests)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                if (contentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }
            }

            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await admin.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync();
            if (status >= 500 || (status >= 400 && !IsOktaError(text)))
            {
                failures.Add($"{method} {Shorten(path)} [{contentType}] {Shorten(body)} -> {status} {Shorten(text)}");
            }
        }

        output.WriteLine($"{requests.Count} malformed requests; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} failed:\n{string.Join('\n', failures.Take(30))}");
    }

    private IEnumerable<(string Method, string Path, string? Body, string? ContentType, (string, string)[] Headers)> Generate()
    {
        var random = new Random(20261123);
        foreach (var (method, template) in Routes)
        {
            var path = Fill(template, reviewId, itemId, TestInventory.ReviewerA);
            var hasBody = method is "POST" or "PATCH";

            // Bodies, as JSON.
            if (hasBody)
            {
                foreach (var body in Bodies)
                {
                    yield return (method, path, body, "application/json", []);
                }

                foreach (var contentType in ContentTypes)
                {
                    yield return (method, path, "{}", contentType, []);
                }
            }

            // Query parameters.
            foreach (var query in Queries.OrderBy(_ => random.Next()).Take(12))
            {
                yield return (method, $"{path}?{query}", hasBody ? "{}" : null, "application/json", []);
            }

            // Path ids, one placeholder at a time.
            foreach (var id in Ids)
            {
                if (template.Contains("{review}", StringComparison.Ordinal))
                {
                    yield return (method, Fill(template, id, itemId, id), hasBody ? "{}" : null, "application/json", []);
                }

                if (template.Contains("{item}", StringComparison.Ordinal) || template.Contains("{id}", StringComparison.Ordinal))
                {
                    yield return (method, Fill(template, reviewId, id, id), hasBody ? "{}" : null, "application/json", []);
                }
            }

            // Headers.
            yield return (method, path, hasBody ? "{}" : null, "application/json", [("Idempotency-Key", new string('k', 300))]);
            yield return (method, path, hasBody ? "{}" : null, "application/json", [("Accept", "application/xml")]);
            yield return (method, path, hasBody ? "{}" : null, "application/json", [("X-Forwarded-For", "not an address")]);
        }
    }

    private static string Fill(string template, string review, string item, string id) =>
        template.Replace("{review}", review, StringComparison.Ordinal).Replace("{item}", item, StringComparison.Ordinal).Replace("{id}", id, StringComparison.Ordinal);

    private static bool IsOktaError(string text)
    {
        try
        {
            var json = JsonDocument.Parse(text).RootElement;
            return json.ValueKind == JsonValueKind.Object && json.TryGetProperty("errorCode", out var code) && code.GetString() is { Length: > 0 }
                && json.TryGetProperty("errorSummary", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string? text) => text is null ? "-" : text.Length > 80 ? text[..80] + "..." : text;
}
