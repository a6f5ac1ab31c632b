using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccessReviewFunctions.Functions.Tests.Infrastructure;

namespace AccessReviewFunctions.Functions.Tests.Host;

/// <summary>
/// The service's own OpenAPI document (<c>/openapi/v1.json</c>) and reference page (<c>/docs</c>): every operation of
/// Okta's description is in it under the same path, method and operation id, with every status Okta declares.
/// </summary>
public sealed partial class ApiDescriptionTests : IAsyncLifetime
{
    private readonly ApiHost host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task OpenApiDocument_EveryOktaOperation_SamePathMethodIdAndStatuses()
    {
        var response = await host.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        var ours = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Key: $"{o.Name.ToUpperInvariant()} {Shape(p.Name)}", Operation: o.Value)))
            .ToDictionary(o => o.Key, o => o.Operation);

        Assert.Equal(30, OktaOperations.All.Count);
        foreach (var operation in OktaOperations.All)
        {
            var key = $"{operation.Method} {Shape(operation.Template)}";
            Assert.True(ours.TryGetValue(key, out var mine), $"{key} ({operation.Id}) is not in /openapi/v1.json");
            Assert.Equal(operation.Id, mine.GetProperty("operationId").GetString());
            var statuses = mine.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            int[] declared = [operation.Success, .. OktaOperations.ErrorStatuses];
            Assert.True(declared.All(statuses.Contains), $"{operation.Id}: declares {string.Join(",", statuses.Order())}, Okta {string.Join(",", declared)}");
        }
    }

    [Fact]
    public async Task Docs_ApiReferencePage_ServedAnonymously()
    {
        var response = await host.CreateClient().GetAsync(new Uri("/docs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ApiResponses_NoCacheNoStoreAndNoSniff()
    {
        foreach (var client in new[] { host.AsAdmin(), host.CreateClient() })
        {
            var response = await client.GetAsync(new Uri("/governance/api/v2/security-access-reviews", UriKind.Relative));

            Assert.Equal("no-cache, no-store", response.Headers.NonValidated["Cache-Control"].ToString());
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    /// <summary>A route with its parameters unnamed: Okta says {securityAccessReviewId}, the handlers {reviewId}.</summary>
    private static string Shape(string template) => Parameter().Replace(template.TrimEnd('/'), "{}");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
