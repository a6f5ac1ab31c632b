using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccessReviewFunctions.Functions.Common;

/// <summary>Writes instants as Okta's governance API does, in UTC to the whole second with a Z ("2025-06-13T14:55:28Z"), everywhere; reads any ISO-8601 form.</summary>
internal sealed class UtcDateTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
