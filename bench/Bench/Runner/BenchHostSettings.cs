namespace AccessReviewFunctions.Bench;

/// <summary>The settings of a bench's in-process host: its own storage prefix, development tokens, no demo data, no rate limit.</summary>
internal static class BenchHostSettings
{
    public static Dictionary<string, string?> For(string connectionString, char prefix) => new()
    {
        ["AzureWebJobsStorage"] = connectionString,
        ["Storage:Prefix"] = prefix + Guid.NewGuid().ToString("N")[..10],
        ["Auth:DevTokens"] = "true",
        ["Auth:SigningKey"] = "bench-signing-key-0123456789abcdef0123456789",
        ["Inventory:LoadDemoData"] = "false",
        // A bench's clients would exhaust the per-caller budget in seconds.
        ["RateLimiting:Enabled"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
        ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
    };
}
