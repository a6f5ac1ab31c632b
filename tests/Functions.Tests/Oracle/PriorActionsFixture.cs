using System.Net.Http.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;
using AccessReviewFunctions.Functions.Tests.Reviews;
using static AccessReviewFunctions.Functions.Tests.Reviews.ReviewsApi;
using A = AccessReviewFunctions.Functions.Tests.Infrastructure.TestInventory;

namespace AccessReviewFunctions.Functions.Tests.Oracle;

/// <summary>
/// Tara's GitHub access decided in three reviews, an hour or more apart: "Alpha" (Rita revokes it, an admin closes),
/// "Beta" (Rob revokes and restores it: a keep), "Gamma" (expires with AUTO_REJECT_INCOMPLETE: the system revokes it
/// with the expiration note). Revoking the item cascades to its sub-item, the GitHub Admins group. Slack's prior
/// actions are read once before Gamma, when no review had decided on it yet.
/// </summary>
public sealed class PriorActionsFixture : IAsyncLifetime
{
    public ApiHost Host { get; } = new();

    public HttpClient Admin { get; private set; } = null!;

    /// <summary>The GitHub item and its group's sub-item in Alpha (any review's ids name the same access).</summary>
    public string GitHubItem { get; private set; } = "";

    public string GitHubGroup { get; private set; } = "";

    public string SlackItem { get; private set; } = "";

    public string SlackBeforeAnyDecision { get; private set; } = "";

    public DateTimeOffset AlphaDecided { get; private set; }

    public DateTimeOffset BetaDecided { get; private set; }

    public DateTimeOffset GammaDecided { get; private set; }

    public async Task InitializeAsync()
    {
        await A.ImportAsync(Host);
        Admin = Host.AsAdmin();
        var rita = Host.As(A.ReviewerA);
        var rob = Host.As(A.ReviewerB);

        var alpha = await ActiveAsync(Body(name: "Alpha"));
        var items = await ItemsAsync(alpha);
        GitHubItem = items["GitHub"];
        SlackItem = items["Slack"];
        GitHubGroup = (await GetAsync(Admin, $"{ReviewsApi.Admin}/{alpha}/accesses/{GitHubItem}/sub-accesses")).GetProperty("data")[0].GetProperty("id").GetString()!;
        AlphaDecided = Host.Clock.GetUtcNow();
        await DecideAsync(rita, alpha, GitHubItem, "REVOKE_ACCESS");
        await CloseAsync(alpha);

        Host.Clock.Advance(TimeSpan.FromHours(1));
        var beta = await ActiveAsync(Body(name: "Beta"));
        var betaGitHub = (await ItemsAsync(beta))["GitHub"];
        await DecideAsync(rob, beta, betaGitHub, "REVOKE_ACCESS");
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        BetaDecided = Host.Clock.GetUtcNow();
        await DecideAsync(rob, beta, betaGitHub, "RESTORE_ACCESS");
        await CloseAsync(beta);
        SlackBeforeAnyDecision = await (await Admin.GetAsync($"{PriorActionsApi.Base}/{SlackItem}/priorActions")).Content.ReadAsStringAsync();

        Host.Clock.Advance(TimeSpan.FromHours(1));
        var gamma = await ActiveAsync(new
        {
            principalId = A.Target,
            name = "Gamma",
            reviewerSettings = new { type = "USER", userSettings = new { includedUserIds = new[] { A.ReviewerA, A.ReviewerB } } },
            expirationBehavior = "AUTO_REJECT_INCOMPLETE",
            expirationNote = "No decision in time",
        });
        Host.Clock.Advance(TimeSpan.FromDays(8));
        GammaDecided = Host.Clock.GetUtcNow();
        await WaitForStatusAsync(Admin, gamma, "CLOSED");
        await Host.Services.QuietAsync(); // every close has recorded its decisions in the log
    }

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string> ActiveAsync(object body)
    {
        var id = (await CreateAsync(Admin, body)).GetProperty("id").GetString()!;
        await WaitForStatusAsync(Admin, id, "ACTIVE");
        return id;
    }

    private async Task<Dictionary<string, string>> ItemsAsync(string reviewId) =>
        (await GetAsync(Admin, $"{ReviewsApi.Admin}/{reviewId}/accesses")).GetProperty("data").EnumerateArray()
            .ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("id").GetString()!);

    private static async Task DecideAsync(HttpClient reviewer, string reviewId, string itemId, string type)
    {
        var response = await reviewer.PostAsJsonAsync($"{My}/{reviewId}/accesses/{itemId}/actions", new { type });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task CloseAsync(string reviewId)
    {
        var response = await Admin.PostAsJsonAsync($"{ReviewsApi.Admin}/{reviewId}/actions", new { actionType = "CLOSE_REVIEW" });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        await WaitForStatusAsync(Admin, reviewId, "CLOSED");
        await Host.Services.QuietAsync();
    }
}
