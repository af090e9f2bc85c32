using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// Reads JSON into the same plain tree a PowerShell hashtable converts to (maps, lists, strings, booleans, numbers,
/// null), remembering the line of every object and field so that the document's errors can point at them.
/// System.Text.Json's DOM keeps no positions, hence a reader of our own over <see cref="Utf8JsonReader"/>.
/// </summary>
internal static class JsonTree
{
    public static object? Parse(string json, string? source)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') lineStarts.Add(i + 1);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read()) throw new DesiredStateException("the document is empty.", source, line: 1);
            var root = ReadValue(ref reader, lineStarts, source);
            if (reader.Read()) throw new DesiredStateException("text follows the end of the document.", source, line: LineOf(reader.TokenStartIndex, lineStarts));
            return root;
        }
        catch (JsonException ex)
        {
            throw new DesiredStateException($"the document is not valid JSON: {FirstSentence(ex.Message)}", source,
                line: ex.LineNumber is { } l ? (int)l + 1 : null, innerException: ex);
        }
    }

    private static object? ReadValue(ref Utf8JsonReader reader, List<int> lineStarts, string? source)
    {
        var line = LineOf(reader.TokenStartIndex, lineStarts);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var map = new LocatedTable(line);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    var fieldLine = LineOf(reader.TokenStartIndex, lineStarts);
                    if (map.ContainsKey(name))
                        throw new DesiredStateException($"the field '{name}' appears twice in one object (names are case-insensitive).", source, field: name, line: fieldLine);
                    reader.Read();
                    map[name] = ReadValue(ref reader, lineStarts, source);
                    map.FieldLines[name] = fieldLine;
                }
                return map;
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(ReadValue(ref reader, lineStarts, source));
                return list;
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.Null: return null;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var integer)) return integer;
                return reader.GetDecimal();
            default:
                throw new DesiredStateException($"unexpected {reader.TokenType} in the document.", source, line: line);
        }
    }

    private static int LineOf(long offset, List<int> lineStarts)
    {
        var index = lineStarts.BinarySearch((int)offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    // The reader's message without its own position (" Path: $ | LineNumber: 5 | BytePositionInLine: 37."): its line
    // counts from zero, and the location the exception gives counts from one, as editors do.
    private static string FirstSentence(string message)
    {
        var cut = message.Length;
        foreach (var marker in new[] { " Path:", " LineNumber:", " | LineNumber:" })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0 && at < cut) cut = at;
        }
        return message.Substring(0, cut).TrimEnd(' ', '|');
    }

    internal static string Invariant(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
