using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Altostrat.Engine.Contracts;

namespace Altostrat.Engine.Serialization;

/// <summary>
/// Free-form JSON (a template's metadata) to and from plain CLR values: string, bool, long, double, null,
/// string-keyed dictionaries and lists. Nothing of System.Text.Json crosses to the module's side.
/// </summary>
public static class PlainJson
{
    public static Dictionary<string, object?> ToDictionary(JsonElement element)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (element.ValueKind != JsonValueKind.Object) return result;
        foreach (var property in element.EnumerateObject()) result[property.Name] = ToValue(property.Value);
        return result;
    }

    public static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToDictionary(element),
        JsonValueKind.Array => ToList(element),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDouble(),
        _ => null,
    };

    private static List<object?> ToList(JsonElement element)
    {
        var list = new List<object?>();
        foreach (var item in element.EnumerateArray()) list.Add(ToValue(item));
        return list;
    }

    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int or long or short or byte or sbyte or uint or ushort or ulong:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case float or double or decimal:
                writer.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture)); break;
            case DateTimeOffset at: writer.WriteStringValue(at); break;
            case DateTime at: writer.WriteStringValue(at); break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                    Write(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list) Write(writer, item);
                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>The template request as the API's JSON body (snake_case, metadata as given).</summary>
    public static byte[] Serialize(TemplateWriteRequest request)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", request.Name);
            writer.WriteString("description", request.Description);
            writer.WriteString("content", request.Content);
            writer.WritePropertyName("metadata");
            if (request.Metadata is null)
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
            else
            {
                Write(writer, (IDictionary)new Dictionary<string, object?>(request.Metadata));
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
