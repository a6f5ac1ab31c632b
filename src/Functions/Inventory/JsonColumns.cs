using System.Text.Json;
using Microsoft.WindowsAzure.Storage.Table;

namespace AccessReviewFunctions.Functions.Inventory;

/// <summary>
/// Collections stored as JSON string properties. A table property holds at most 64 KB (32K UTF-16 chars),
/// so longer JSON is split over Name, Name_1, Name_2, ...
/// </summary>
internal static class JsonColumns
{
    private const int ChunkChars = 30_000;

    public static void Write<T>(DynamicTableEntity entity, string name, T value)
    {
        var json = JsonSerializer.Serialize(value, InventoryJson.Options);
        for (int offset = 0, part = 0; offset < json.Length || part == 0; offset += ChunkChars, part++)
        {
            var chunk = json.Substring(offset, Math.Min(ChunkChars, json.Length - offset));
            entity.Properties[part == 0 ? name : $"{name}_{part}"] = new EntityProperty(chunk);
        }
    }

    public static T Read<T>(DynamicTableEntity entity, string name, T fallback)
    {
        if (!entity.Properties.TryGetValue(name, out var first) || first.StringValue is null)
        {
            return fallback;
        }

        var json = first.StringValue;
        for (var part = 1; entity.Properties.TryGetValue($"{name}_{part}", out var next); part++)
        {
            json += next.StringValue;
        }

        return JsonSerializer.Deserialize<T>(json, InventoryJson.Options) ?? fallback;
    }
}
