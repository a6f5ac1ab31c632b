using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;

namespace AccessReviewFunctions.Functions.Tests.Reports;

/// <summary>The OPA access report routes, a security_admin token of a team, and a small server inventory on top of <see cref="TestInventory"/>.</summary>
internal static class OpaApi
{
    public const string Team = "acme";
    public const string ReportsPath = $"/v1/teams/{Team}/access_reports";
    public const string Web = "srv00000000000000001";
    public const string Formula = "srv00000000000000002";
    public const string Quoted = "srv00000000000000003";
    public const string Plus = "srv00000000000000004";
    public const string Minus = "srv00000000000000005";
    public const string At = "srv00000000000000006";
    public const string AdminsGroup = "00gadmins00000000001";
    public const string UserHeader = "User Name,User Type,User Status,Resource Name,Resource Type,Account,Privileges,Conditions";
    public const string Tara = "tara@example.com,human,ACTIVE";

    /// <summary>The target's user report: her three access methods, in key order (server, account, privileges).</summary>
    public static readonly string TargetReport = Lines(
        UserHeader,
        $"{Tara},web-01.example.com,server,root,user,Approval",
        $"{Tara},web-01.example.com,server,tara,admin,via an Okta Gateway with Session Recording; MFA",
        $"{Tara},\"db,\"\"primary\"\"\",server,tara,user,via an Okta Gateway");

    public static HttpClient SecurityAdmin(ApiHost host, string team = Team, string role = "security_admin")
    {
        var client = host.CreateClient();
        var response = client.PostAsJsonAsync("/dev/token", new { sub = TestInventory.Admin, roles = new[] { role }, team }).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        var token = response.Content.ReadFromJsonAsync<JsonElement>().GetAwaiter().GetResult().GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The test inventory, then servers and access methods in a second import that refers to the stored users.</summary>
    public static async Task ImportAsync(ApiHost host)
    {
        await TestInventory.ImportAsync(host);
        object Server(string id, string hostname) => new { id, hostname, osType = "linux" };
        object Access(string userId, string serverId, string? account, string privileges, params string[] conditions) =>
            new { userId, serverId, account, privileges, conditions };
        var response = await host.AsAdmin().PostAsJsonAsync("/api/v1/inventory/import", new
        {
            servers = new[]
            {
                Server(Web, "web-01.example.com"), Server(Formula, "=HYPERLINK(\"http://x\")"), Server(Quoted, "db,\"primary\""),
                Server(Plus, "+1"), Server(Minus, "-1"), Server(At, "@SUM(A1)"),
            },
            serverAccesses = new[]
            {
                Access(TestInventory.Target, Web, null, "admin", "GATEWAY_SESSION_RECORDING", "MFA"),
                Access(TestInventory.Target, Web, "root", "user", "APPROVAL"),
                Access(TestInventory.Target, Quoted, null, "user", "GATEWAY"),
                Access(TestInventory.ReviewerA, Web, null, "user"),
                Access(TestInventory.ReviewerB, Formula, null, "user"),
                Access(TestInventory.ReviewerB, Plus, null, "user"),
                Access(TestInventory.ReviewerB, Minus, null, "user"),
                Access(TestInventory.ReviewerB, At, null, "user"),
            },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync(ReportsPath, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create: {(int)response.StatusCode} {json}");
        return json;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"{ReportsPath}/{id}");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {id}: {(int)response.StatusCode} {json}");
        return json;
    }

    public static Task<JsonElement> WaitForStatusAsync(HttpClient client, string id, string status, TimeSpan? timeout = null) =>
        Eventually.GetAsync(() => GetAsync(client, id), r => r.GetProperty("status").GetString() == status, timeout, $"report {id} to be {status}");

    public static async Task<string> DownloadAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"{ReportsPath}/{id}/download");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"download {id}: {(int)response.StatusCode} {text}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return text;
    }

    /// <summary>Creates a report, waits until it finished as expected and returns it.</summary>
    public static async Task<JsonElement> GenerateAsync(HttpClient client, object body, string status = "COMPLETED")
    {
        var id = (await CreateAsync(client, body)).GetProperty("id").GetString()!;
        return await WaitForStatusAsync(client, id, status);
    }

    public static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + "\r\n"));
}
