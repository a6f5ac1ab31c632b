using System.Text.Json;
using Azure.Data.Tables;
using AccessReviewFunctions.Functions.Inventory;

namespace AccessReviewFunctions.Functions.Storage.Inventory;

/// <summary>
/// Collections stored as JSON string properties. A table property holds at most 64 KB (32K UTF-16 chars),
/// so longer JSON is split over Name, Name_1, Name_2, ...
/// </summary>
internal static class JsonColumns
{
    private const int ChunkChars = 30_000;

    public static void Write<T>(TableEntity entity, string name, T value)
    {
        var json = JsonSerializer.Serialize(value, InventoryJson.Options);
        for (int offset = 0, part = 0; offset < json.Length || part == 0; offset += ChunkChars, part++)
        {
            var chunk = json.Substring(offset, Math.Min(ChunkChars, json.Length - offset));
            entity[part == 0 ? name : $"{name}_{part}"] = chunk;
        }
    }

    public static T Read<T>(TableEntity entity, string name, T fallback)
    {
        if (entity.GetString(name) is not { } json)
        {
            return fallback;
        }

        for (var part = 1; entity.GetString($"{name}_{part}") is { } next; part++)
        {
            json += next;
        }

        return JsonSerializer.Deserialize<T>(json, InventoryJson.Options) ?? fallback;
    }
}
