using Microsoft.WindowsAzure.Storage;

namespace AccessReviewFunctions.Functions.Storage;

internal static class StorageAccountFactory
{
    public const string ConnectionSetting = "AzureWebJobsStorage";

    public static CloudStorageAccount Create(IConfiguration configuration)
    {
        var connection = configuration[ConnectionSetting];
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException($"Setting '{ConnectionSetting}' is missing: set it in local.settings.json Values or the environment.");
        }

        return CloudStorageAccount.Parse(connection);
    }
}
