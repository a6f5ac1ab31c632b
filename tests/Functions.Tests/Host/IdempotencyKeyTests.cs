using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;

namespace AccessReviewFunctions.Functions.Tests.Host;

/// <summary>A client that retries a create with the same Idempotency-Key gets the first answer, never a second review.</summary>
public sealed class IdempotencyKeyTests : IAsyncLifetime
{
    private readonly ApiHost host = new();
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        await TestInventory.ImportAsync(host);
        admin = host.AsAdmin();
    }

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Create_SameKeySameBodyTwice_OneReviewAndTheFirstAnswerReplayed()
    {
        var first = await PostAsync(admin, Admin, Body(), "retry-1");
        var again = await PostAsync(admin, Admin, Body(), "retry-1");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(first.StatusCode, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(["true"], again.Headers.GetValues("Idempotent-Replayed"));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Single((await GetAsync(admin, Admin)).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Create_ConcurrentRetriesOfOneKey_OneReview()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(admin, Admin, Body(), "burst")));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"{(int)a.StatusCode}"));
        Assert.Single((await GetAsync(admin, Admin)).GetProperty("data").EnumerateArray());
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.Conflict), a => Assert.Equal(TimeSpan.FromSeconds(1), a.Headers.RetryAfter?.Delta));
    }

    [Fact]
    public async Task Create_SameKeyOtherBody_422OktaBodyAndNoSecondReview()
    {
        await PostAsync(admin, Admin, Body(), "k-2");

        var other = await PostAsync(admin, Admin, Body(name: "Another"), "k-2");

        var error = await BadInputTests.AssertOktaAsync(other, HttpStatusCode.UnprocessableEntity, "E0000001");
        Assert.Equal(["Idempotency-Key: a key must be used with one request only (method, path and body)"], Causes(error));
        Assert.Single((await GetAsync(admin, Admin)).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Create_FirstRequestRejected_KeyFreeForTheCorrectedRetry()
    {
        var rejected = await PostAsync(admin, Admin, Body(principal: "00unobody0000000000"), "k-3");
        var corrected = await PostAsync(admin, Admin, Body(principal: "00unobody0000000000"), "k-3");

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Create_SameKeyOtherCaller_TwoReviews()
    {
        var other = host.AsAdmin("00uadmin0000000000002");

        await PostAsync(admin, Admin, Body(), "shared");
        var second = await PostAsync(other, Admin, Body(), "shared");

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(2, (await GetAsync(admin, Admin)).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Comment_SameKeyTwice_OneHistoryEntry()
    {
        var id = (await CreateAsync(admin, Body())).GetProperty("id").GetString()!;
        await WaitForStatusAsync(admin, id, "ACTIVE");

        await PostAsync(admin, $"{Admin}/{id}/comment", new { comment = "looks fine" }, "c-1");
        var again = await PostAsync(admin, $"{Admin}/{id}/comment", new { comment = "looks fine" }, "c-1");

        Assert.True(again.IsSuccessStatusCode, $"{(int)again.StatusCode}");
        Assert.Single(await HistoryAsync(admin, id), m => m.StartsWith("commented", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bad\u0001key")]
    [InlineData("   ")]
    public async Task Create_MalformedKey_400AndNothingCreated(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Admin) { Content = JsonContent.Create(Body()) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var response = await admin.SendAsync(request);

        await BadInputTests.AssertOktaAsync(response, HttpStatusCode.BadRequest, "E0000001");
        Assert.Empty((await GetAsync(admin, Admin)).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task Create_KeyOf256Characters_400()
    {
        var response = await PostAsync(admin, Admin, Body(), new string('k', 256));

        var error = await BadInputTests.AssertOktaAsync(response, HttpStatusCode.BadRequest, "E0000001");
        Assert.Equal(["Idempotency-Key: must be 1 to 255 printable characters"], Causes(error));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
