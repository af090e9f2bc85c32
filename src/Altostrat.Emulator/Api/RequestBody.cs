using System;
using System.Collections.Generic;
using System.Text.Json;
using Altostrat.Emulator.Storage;

namespace Altostrat.Emulator.Api;

/// <summary>Typed, validating access to a JSON request body, failing the way the API documents (422 for a missing or invalid field).</summary>
public sealed class RequestBody
{
    private readonly JsonElement _root;

    private RequestBody(JsonElement root) => _root = root;

    public static RequestBody Parse(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new ApiErrorException(ApiError.MalformedJson("the body must be a JSON object."));
            return new RequestBody(document.RootElement.Clone());
        }
        catch (JsonException ex)
        {
            throw new ApiErrorException(ApiError.MalformedJson(ex.Message));
        }
    }

    public bool Has(string name) => _root.TryGetProperty(name, out _);

    public string RequiredString(string name, ApiErrorFactory? missing = null)
    {
        var value = OptionalString(name) ?? throw new ApiErrorException((missing ?? ApiError.Missing)(name));
        if (value.Trim().Length == 0) throw new ApiErrorException((missing ?? ApiError.Missing)(name));
        return value;
    }

    public string? OptionalString(string name)
    {
        if (!_root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind != JsonValueKind.String) throw new ApiErrorException(ApiError.Invalid(name, "expected a string."));
        return element.GetString();
    }

    public bool RequiredBool(string name) => OptionalBool(name) ?? throw new ApiErrorException(ApiError.Missing(name));

    public bool? OptionalBool(string name)
    {
        if (!_root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
        return element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ApiErrorException(ApiError.Invalid(name, "expected true or false.")),
        };
    }

    public List<string> RequiredStringArray(string name) => OptionalStringArray(name) ?? throw new ApiErrorException(ApiError.Missing(name));

    public List<string>? OptionalStringArray(string name)
    {
        if (!_root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind != JsonValueKind.Array) throw new ApiErrorException(ApiError.Invalid(name, "expected an array of strings."));
        var list = new List<string>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
                throw new ApiErrorException(ApiError.Invalid(name, "every item must be a non-empty string."));
            list.Add(item.GetString()!);
        }
        return list;
    }

    /// <summary>An optional https URL; anything else is refused with <paramref name="invalid"/> (422 unless given).</summary>
    public string? OptionalHttpsUrl(string name, Func<string, string, ApiError>? invalid = null)
    {
        var text = OptionalString(name);
        if (text is not null && (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
            throw new ApiErrorException((invalid ?? ApiError.Invalid)(name, $"'{text}' is not an https URL."));
        return text;
    }

    /// <summary>A JSON object field as its JSON text; null when absent or null.</summary>
    public string? OptionalObjectJson(string name)
    {
        if (!_root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind != JsonValueKind.Object) throw new ApiErrorException(ApiError.Invalid(name, "expected a JSON object."));
        return element.GetRawText();
    }

    public DateTimeOffset? OptionalTimestamp(string name)
    {
        var text = OptionalString(name);
        if (text is null) return null;
        if (!Timestamps.TryRead(text, out var value)) throw new ApiErrorException(ApiError.Invalid(name, $"'{text}' is not an ISO 8601 date-time."));
        return value;
    }
}

public delegate ApiError ApiErrorFactory(string parameter);
