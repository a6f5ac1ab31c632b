namespace AccessReviewFunctions.Functions.Storage;

/// <summary>
/// Where the storage account is, read from "AzureWebJobsStorage" the way the Azure Functions host reads it: a
/// connection string (Azurite, local), or an identity-based connection: <c>AzureWebJobsStorage__accountName</c>, or
/// <c>__tableServiceUri</c>, <c>__queueServiceUri</c> and <c>__blobServiceUri</c>, with the credential settings
/// (<c>__credential</c>, <c>__clientId</c>, ...) in the same section.
/// </summary>
internal sealed record StorageConnection(string? ConnectionString, Uri? TableUri, Uri? QueueUri, Uri? BlobUri, IConfigurationSection? Credential)
{
    public const string Setting = "AzureWebJobsStorage";

    public bool UsesIdentity => ConnectionString is null;

    public static StorageConnection From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Setting);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new StorageConnection(section.Value, null, null, null, null);
        }

        var account = section["accountName"];
        var table = Endpoint(section, "tableServiceUri", account, "table");
        var queue = Endpoint(section, "queueServiceUri", account, "queue");
        var blob = Endpoint(section, "blobServiceUri", account, "blob");
        if (table is null || queue is null || blob is null)
        {
            throw new InvalidOperationException(
                $"Setting '{Setting}' is missing or incomplete: give a connection string (UseDevelopmentStorage=true for Azurite), " +
                $"or {Setting}__accountName, or all of {Setting}__tableServiceUri, __queueServiceUri and __blobServiceUri, " +
                "in local.settings.json Values or the environment.");
        }

        return new StorageConnection(null, table, queue, blob, section);
    }

    private static Uri? Endpoint(IConfigurationSection section, string key, string? account, string service)
    {
        var text = section[key];
        if (!string.IsNullOrWhiteSpace(text))
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
                ? uri
                : throw new InvalidOperationException($"Setting '{Setting}__{key}' must be an absolute http(s) URI, was '{text}'.");
        }

        return string.IsNullOrWhiteSpace(account) ? null : new Uri($"https://{account}.{service}.core.windows.net");
    }
}
