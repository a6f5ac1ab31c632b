using System.Text.Json;

namespace AccessReviewFunctions.Functions.Hosting;

/// <summary>
/// Reads host.json into configuration under "AzureFunctionsJobHost", the prefix Azure Functions uses, so
/// AzureFunctionsJobHost__extensions__queues__batchSize in the environment overrides the file as it does there.
/// </summary>
internal static class HostJson
{
    public const string Section = "AzureFunctionsJobHost";

    public static IDictionary<string, string?> ReadSettings(string path)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(path))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            Flatten(document.RootElement, Section, values);
        }

        return values;
    }

    private static void Flatten(JsonElement element, string prefix, IDictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, $"{prefix}:{property.Name}", values);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}:{index++}", values);
                }

                break;
            default:
                values[prefix] = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
                break;
        }
    }
}
