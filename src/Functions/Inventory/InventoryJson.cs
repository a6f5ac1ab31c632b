using System.Text.Json;
using System.Text.Json.Serialization;
using AccessReviewFunctions.Domain.Inventory;
using AccessReviewFunctions.Domain.Reviews.Risk;

namespace AccessReviewFunctions.Functions.Inventory;

/// <summary>
/// JSON of the import API and of collections stored in table properties: camelCase, enums as their names.
/// An unknown enum name reads as an undefined value so the validator reports it with every other problem.
/// </summary>
internal static class InventoryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new LenientEnumConverterFactory() },
    };

    /// <summary>Reads an import body; throws JsonException when it is not a JSON object of the import schema.</summary>
    public static async Task<InventoryDocument> ReadDocumentAsync(Stream body, CancellationToken cancellationToken)
    {
        var request = await JsonSerializer.DeserializeAsync<ImportRequest>(body, Options, cancellationToken)
            ?? throw new JsonException("The body must be a JSON object.");
        return new InventoryDocument(
            request.Users ?? [], request.Applications ?? [], request.Groups ?? [], request.Entitlements ?? [], request.Bundles ?? [], request.Grants ?? [],
            request.SodRules ?? [], request.Servers ?? [], request.ServerAccesses ?? []);
    }

    private sealed record ImportRequest(
        List<InventoryUser>? Users,
        List<Application>? Applications,
        List<AppGroup>? Groups,
        List<Entitlement>? Entitlements,
        List<EntitlementBundle>? Bundles,
        List<Grant>? Grants,
        List<SodRule>? SodRules,
        List<ServerResource>? Servers = null,
        List<ServerAccess>? ServerAccesses = null);

    private sealed class LenientEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(LenientEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class LenientEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly T Undefined = (T)Enum.ToObject(typeof(T), -1);
        private static readonly Dictionary<string, T> Names = Enum.GetValues<T>().ToDictionary(v => v.ToString(), StringComparer.Ordinal);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && Names.TryGetValue(reader.GetString()!, out var value))
            {
                return value;
            }

            reader.Skip();
            return Undefined;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
