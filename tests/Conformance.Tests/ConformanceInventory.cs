using System.Net.Http.Json;
using AccessReviewFunctions.Functions.Tests.Infrastructure;

namespace AccessReviewFunctions.Conformance.Tests;

/// <summary>Beside the shared test inventory: a separation-of-duties rule the target breaks, so an anomaly lists a conflict.</summary>
internal static class ConformanceInventory
{
    public const string SodRuleId = "sodgithubadminaws001";

    public static async Task ImportSodRuleAsync(ApiHost host)
    {
        var response = await host.AsAdmin().PostAsJsonAsync("/api/v1/inventory/import", new
        {
            sodRules = new[]
            {
                new { id = SodRuleId, name = "Administer code and cloud", resourceIdA = "00gadmins00000000001", resourceIdB = "entadmin000000000001", severity = "HIGH" },
            },
        });
        response.EnsureSuccessStatusCode();
    }
}
