using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccessReviewFunctions.Functions.Storage.Reviews;

/// <summary>How review rows are stored: JSON with enum names, so stored data reads like the API.</summary>
internal static class ReviewJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Stored {typeof(T).Name} is empty");
}
