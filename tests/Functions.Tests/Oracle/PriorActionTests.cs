using System.Net;
using System.Text.Json;
using AccessReviewFunctions.Functions.Reviews;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AccessReviewFunctions.Functions.Tests.Oracle.PriorActionsApi;
using A = AccessReviewFunctions.Functions.Tests.Infrastructure.TestInventory;

namespace AccessReviewFunctions.Functions.Tests.Oracle;

public sealed class PriorActionTests(PriorActionsFixture f) : IClassFixture<PriorActionsFixture>
{
    [Fact]
    public async Task PriorActions_AccessItem_EveryReviewsDecisionInOraclesShape()
    {
        var answer = await GetAsync(f.Admin, f.GitHubItem);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Null(answer.NextPage);
        Assert.Equal(["Alpha", "Beta", "Gamma"], answer.Campaigns);
        var (alpha, beta, gamma) = (answer.Items[0], answer.Items[1], answer.Items[2]);
        Assert.Equal(
            $$"""{"campaignName":"Alpha","level":1,"reviewerName":"Rita Reviewer","reviewerType":"USER","action":"REVOKE","timeReviewed":"{{Utc(f.AlphaDecided)}}","isAutoActioned":false,"isCompletionRuleActioned":null,"justification":null,"finalAction":"REVOKE","subLevel":null,"hasSodViolation":false}""",
            alpha.GetRawText());
        Assert.Equal(
            $$"""{"campaignName":"Beta","level":1,"reviewerName":"Rob Reviewer","reviewerType":"USER","action":"ACCEPT","timeReviewed":"{{Utc(f.BetaDecided)}}","isAutoActioned":false,"isCompletionRuleActioned":null,"justification":null,"finalAction":"ACCEPT","subLevel":null,"hasSodViolation":false}""",
            beta.GetRawText());
        Assert.Equal(
            $$"""{"campaignName":"Gamma","level":1,"reviewerName":"System","reviewerType":"SYSTEM","action":"REVOKE","timeReviewed":"{{Utc(f.GammaDecided)}}","isAutoActioned":true,"isCompletionRuleActioned":null,"justification":"No decision in time","finalAction":"REVOKE","subLevel":null,"hasSodViolation":false}""",
            gamma.GetRawText());
    }

    [Fact]
    public async Task PriorActions_SubAccessItem_DecisionsOnItsGroup()
    {
        var answer = await GetAsync(f.Admin, f.GitHubGroup);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(["Alpha", "Beta", "Gamma"], answer.Campaigns);
        Assert.Equal(["REVOKE", "ACCEPT", "REVOKE"], answer.Items.Select(i => i.GetProperty("action").GetString()));
    }

    [Fact]
    public void PriorActions_NoDecisionYet_200EmptyItems()
    {
        Assert.Equal("""{"items":[]}""", f.SlackBeforeAnyDecision);
    }

    [Theory]
    [InlineData("limit=1", 3)]
    [InlineData("limit=2", 2)]
    [InlineData("limit=3", 1)]
    [InlineData("limit=1000", 1)]
    public async Task PriorActions_Paging_EveryActionOnceInOrder(string query, int pages)
    {
        var (campaigns, count) = await AllPagesAsync(f.Admin, f.GitHubItem, query);

        Assert.Equal(["Alpha", "Beta", "Gamma"], campaigns);
        Assert.Equal(pages, count);
    }

    [Fact]
    public async Task PriorActions_DefaultLimit_Ten()
    {
        var answer = await GetAsync(f.Admin, f.GitHubItem);

        Assert.Equal(3, answer.Items.Count);
        Assert.Null(answer.NextPage);
    }

    [Theory]
    [InlineData("", "Alpha,Beta,Gamma")]
    [InlineData("sortOrder=DESC", "Gamma,Beta,Alpha")]
    [InlineData("sortBy=timeReviewed&sortOrder=ASC", "Alpha,Beta,Gamma")]
    [InlineData("sortBy=campaignName&sortOrder=DESC", "Gamma,Beta,Alpha")]
    [InlineData("sortBy=reviewerName", "Alpha,Beta,Gamma")]
    [InlineData("sortBy=reviewerName&sortOrder=DESC", "Gamma,Beta,Alpha")]
    [InlineData("sortBy=reviewerType", "Gamma,Alpha,Beta")]
    [InlineData("sortBy=action", "Beta,Alpha,Gamma")]
    [InlineData("sortBy=action&sortOrder=DESC", "Gamma,Alpha,Beta")]
    public async Task PriorActions_Sorted(string query, string expected)
    {
        var (campaigns, _) = await AllPagesAsync(f.Admin, f.GitHubItem, query.Length == 0 ? "limit=1" : query + "&limit=1");

        Assert.Equal(expected.Split(','), campaigns);
    }

    [Fact]
    public async Task PriorActions_PageOfAnotherSort_400()
    {
        var first = await GetAsync(f.Admin, f.GitHubItem, "limit=1&sortBy=campaignName");

        var answer = await GetAsync(f.Admin, f.GitHubItem, $"limit=1&sortBy=action&page={Uri.EscapeDataString(first.NextPage!)}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("InvalidParameter", answer.Code);
        Assert.Equal("page: invalid cursor", answer.Message);
    }

    [Theory]
    [InlineData("limit=0", "limit: must be an integer from 1 to 1000")]
    [InlineData("limit=1001", "limit: must be an integer from 1 to 1000")]
    [InlineData("limit=ten", "limit: must be an integer from 1 to 1000")]
    [InlineData("sortBy=name", "sortBy: must be one of campaignName, reviewerName, reviewerType, timeReviewed, action")]
    [InlineData("sortOrder=asc", "sortOrder: must be ASC or DESC")]
    [InlineData("page=", "page: invalid cursor")]
    [InlineData("page=AAAA", "page: invalid cursor")]
    [InlineData("limit=0&sortOrder=UP", "limit: must be an integer from 1 to 1000; sortOrder: must be ASC or DESC")]
    public async Task PriorActions_BadParameter_400OracleBody(string query, string message)
    {
        var answer = await GetAsync(f.Admin, f.GitHubItem, query);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["code", "message"], answer.Body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("InvalidParameter", answer.Code);
        Assert.Equal(message, answer.Message);
        Assert.NotNull(answer.RequestId);
    }

    [Theory]
    [InlineData("aimunknown0000000000")]
    [InlineData("saiunknown0000000000")]
    [InlineData("not-an-item")]
    public async Task PriorActions_UnknownId_404OracleBody(string id)
    {
        var answer = await GetAsync(f.Admin, id, requestId: "req-404");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("NotAuthorizedOrNotFound", answer.Code);
        Assert.Equal($"Resource not found or not authorized: {id} (AccessReview)", answer.Message);
        Assert.Equal("req-404", answer.RequestId);
    }

    [Fact]
    public async Task PriorActions_ReviewerOfTheReview_SeesThem()
    {
        var answer = await GetAsync(f.Host.As(A.ReviewerA), f.GitHubGroup);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(["Alpha", "Beta", "Gamma"], answer.Campaigns);
    }

    [Theory]
    [InlineData(A.ReviewerC)]
    [InlineData(A.Target)]
    public async Task PriorActions_NotAReviewerOfTheReview_404(string caller)
    {
        var item = await GetAsync(f.Host.As(caller), f.GitHubItem);
        var sub = await GetAsync(f.Host.As(caller), f.GitHubGroup);

        Assert.Equal((HttpStatusCode.NotFound, "NotAuthorizedOrNotFound"), (item.Status, item.Code));
        Assert.Equal((HttpStatusCode.NotFound, "NotAuthorizedOrNotFound"), (sub.Status, sub.Code));
    }

    [Fact]
    public async Task PriorActions_NoToken_401OracleBodyWithRequestId()
    {
        var answer = await GetAsync(f.Host.CreateClient(), f.GitHubItem, requestId: "abc_DEF-123");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("NotAuthenticated", answer.Code);
        Assert.Equal("abc_DEF-123", answer.RequestId);
    }

    [Theory]
    [InlineData("abc_DEF-123")]
    [InlineData("x")]
    public async Task PriorActions_RequestId_Echoed(string id)
    {
        var answer = await GetAsync(f.Admin, f.GitHubItem, requestId: id);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(id, answer.RequestId);
    }

    [Fact]
    public async Task PriorActions_NoRequestId_OneGeneratedPerRequest()
    {
        var first = await GetAsync(f.Admin, f.GitHubItem);
        var second = await GetAsync(f.Admin, f.GitHubItem);

        Assert.Matches("^[0-9A-F]{32}$", first.RequestId);
        Assert.Matches("^[0-9A-F]{32}$", second.RequestId);
        Assert.NotEqual(first.RequestId, second.RequestId);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("dot.ted")]
    [InlineData("slash/ed")]
    [InlineData("ümlaut")]
    public async Task PriorActions_BadRequestId_400WithAGeneratedOne(string id)
    {
        var answer = await GetAsync(f.Admin, f.GitHubItem, requestId: id);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("InvalidParameter", answer.Code);
        Assert.Equal("opc-request-id: only letters, digits, underscore and dash, at most 200 characters", answer.Message);
        Assert.Matches("^[0-9A-F]{32}$", answer.RequestId);
    }

    [Fact]
    public async Task PriorActions_TooLongRequestId_400()
    {
        var answer = await GetAsync(f.Admin, f.GitHubItem, requestId: new string('a', 201));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Fact]
    public async Task OtherDialects_NoOpcRequestId()
    {
        var response = await f.Admin.GetAsync(Reviews.ReviewsApi.Admin);

        Assert.False(response.Headers.Contains("opc-request-id"));
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class PriorActionFaultTests
{
    [Fact]
    public async Task PriorActions_RateLimited_429OracleBody()
    {
        using var host = new ApiHost(new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "2" });
        var admin = host.AsAdmin();
        await GetAsync(admin, "aimunknown0000000000");
        await GetAsync(admin, "aimunknown0000000000");

        var answer = await GetAsync(admin, "aimunknown0000000000", requestId: "req-429");

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
        Assert.Equal(["code", "message"], answer.Body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("TooManyRequests", answer.Code);
        Assert.Equal("req-429", answer.RequestId);
    }

    [Fact]
    public async Task PriorActions_StorageFault_500OracleBodyWithoutDetail()
    {
        using var host = new ApiHost(services: s => s.Decorate<IReviewIndex>((_, _) => new BrokenIndex()));

        var answer = await GetAsync(host.AsAdmin(), "aimunknown0000000000", requestId: "req-500");

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal("""{"code":"InternalServerError","message":"Internal Server Error"}""", answer.Body.GetRawText());
        Assert.Equal("req-500", answer.RequestId);
    }

    private sealed class BrokenIndex : IReviewIndex
    {
        public Task AddReviewersAsync(string reviewId, IEnumerable<string> reviewerIds, CancellationToken cancellationToken) => throw Broken();

        public Task<IReadOnlyList<Domain.Reviews.ReviewSnapshot>> ListForReviewerAsync(string reviewerId, CancellationToken cancellationToken) => throw Broken();

        public Task<IReadOnlyList<Domain.Reviews.ReviewSnapshot>> ListAllAsync(CancellationToken cancellationToken) => throw Broken();

        public Task AddItemsAsync(string reviewId, Domain.Reviews.Access.AccessRows rows, CancellationToken cancellationToken) => throw Broken();

        public Task<string?> FindReviewOfItemAsync(string itemId, CancellationToken cancellationToken) => throw Broken();

        public Task<IReadOnlyList<Domain.Reviews.ReviewSnapshot>> ListNeedingAttentionAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Domain.Reviews.ReviewSnapshot>>([]);

        public Task<IReadOnlyList<Domain.Reviews.ReviewSnapshot>> ListEndingAsync(DateTimeOffset after, DateTimeOffset upTo, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Domain.Reviews.ReviewSnapshot>>([]);

        private static InvalidOperationException Broken() => new("review index offline at 10.0.0.7");
    }
}
