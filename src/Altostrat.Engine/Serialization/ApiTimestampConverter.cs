using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using Altostrat.Engine.Time;

namespace Altostrat.Engine.Serialization;

public sealed class ApiTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (ApiTimestamp.TryParse(text, out var value)) return value;
        throw new JsonException($"'{text}' is not a timestamp the API writes (expected e.g. 2025-11-01T02:00:00.000000Z).");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ApiTimestamp.Format(value));
}
