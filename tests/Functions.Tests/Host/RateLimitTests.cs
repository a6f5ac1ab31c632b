using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;

namespace AccessReviewFunctions.Functions.Tests.Host;

public sealed class RateLimitTests : IDisposable
{
    private const string Users = "/api/v1/users";
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly ApiHost host = new(new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "3" }, Start);

    [Fact]
    public async Task FourthCallInWindow_Returns429WithOktaBodyAndHeaders()
    {
        var alice = host.As("00ualice");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync(Users)).StatusCode);
        }

        var response = await alice.GetAsync(Users);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("E0000047", body.GetProperty("errorCode").GetString());
        Assert.Equal("3", Header(response, "X-Rate-Limit-Limit"));
        Assert.Equal("0", Header(response, "X-Rate-Limit-Remaining"));
        Assert.Equal(Start.AddMinutes(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), Header(response, "X-Rate-Limit-Reset"));
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task OneUserOverBudget_AnotherUserUnaffected()
    {
        var alice = host.As("00ualice");
        var bob = host.As("00ubob");
        for (var i = 0; i < 4; i++)
        {
            await alice.GetAsync(Users);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await alice.GetAsync(Users)).StatusCode);
        var response = await bob.GetAsync(Users);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", Header(response, "X-Rate-Limit-Remaining"));
    }

    [Fact]
    public async Task SuccessfulResponses_CountRemainingDown()
    {
        var alice = host.As("00ualice");
        var remaining = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var response = await alice.GetAsync(Users);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("3", Header(response, "X-Rate-Limit-Limit"));
            Assert.Equal(Start.AddMinutes(1).ToUnixTimeSeconds(), long.Parse(Header(response, "X-Rate-Limit-Reset")!, System.Globalization.CultureInfo.InvariantCulture));
            remaining.Add(Header(response, "X-Rate-Limit-Remaining"));
        }

        Assert.Equal(["2", "1", "0"], remaining);
    }

    [Fact]
    public async Task AfterTheWindow_UserIsServedAgain()
    {
        var alice = host.As("00ualice");
        for (var i = 0; i < 3; i++)
        {
            await alice.GetAsync(Users);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await alice.GetAsync(Users)).StatusCode);

        host.Clock.Advance(TimeSpan.FromSeconds(61));

        var response = await alice.GetAsync(Users);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", Header(response, "X-Rate-Limit-Remaining"));
        Assert.Equal(Start.AddMinutes(2).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), Header(response, "X-Rate-Limit-Reset"));
    }

    [Fact]
    public async Task AnonymousCallers_AreLimitedByIp()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (HttpStatusCode)(await Anonymous("10.0.0.1")).Response.StatusCode);
        }

        var limited = await Anonymous("10.0.0.1");
        Assert.Equal(HttpStatusCode.TooManyRequests, (HttpStatusCode)limited.Response.StatusCode);
        Assert.Equal("0", limited.Response.Headers["X-Rate-Limit-Remaining"].ToString());

        var other = await Anonymous("10.0.0.2");
        Assert.Equal(HttpStatusCode.Unauthorized, (HttpStatusCode)other.Response.StatusCode);
        Assert.Equal("2", other.Response.Headers["X-Rate-Limit-Remaining"].ToString());
    }

    [Fact]
    public async Task Healthz_IsNeverLimited()
    {
        var client = host.CreateClient();
        for (var i = 0; i < 6; i++)
        {
            var response = await client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("X-Rate-Limit-Limit"));
        }
    }

    [Fact]
    public async Task Disabled_NeverAnswers429()
    {
        using var open = new ApiHost(new Dictionary<string, string?>
        {
            ["RateLimiting:PermitLimit"] = "3",
            ["RateLimiting:Enabled"] = "false",
        });
        var alice = open.As("00ualice");
        for (var i = 0; i < 6; i++)
        {
            var response = await alice.GetAsync(Users);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("X-Rate-Limit-Limit"));
        }
    }

    public void Dispose() => host.Dispose();

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    private Task<Microsoft.AspNetCore.Http.HttpContext> Anonymous(string ip) =>
        host.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Path = Users;
            context.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        });
}
