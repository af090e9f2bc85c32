using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Altostrat.Engine.Serialization;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// Writes a desired-state tree (tables, lists, strings, booleans, null) as JSON or as a PowerShell data file (.psd1)
/// that Import-PowerShellDataFile and the desired-state cmdlets read back as the same document.
/// </summary>
public static class DesiredStateWriter
{
    public static string ToJson(IDictionary document)
    {
        using var stream = new MemoryStream();
        // A file a person edits, never embedded in HTML: quotes, apostrophes, < > & and non-ASCII letters are written as
        // themselves, not as \u0027 and the like. Control characters are still escaped.
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            PlainJson.Write(json, document);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string ToPowerShellData(IDictionary document)
    {
        var text = new StringBuilder();
        WriteData(text, document, 0);
        return text.Append('\n').ToString();
    }

    private static void WriteData(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null: text.Append("$null"); break;
            case string s: Quote(text, s); break;
            case bool b: text.Append(b ? "$true" : "$false"); break;
            case IDictionary table:
                text.Append("@{");
                foreach (DictionaryEntry entry in table)
                {
                    text.Append('\n').Append(' ', (depth + 1) * 4);
                    Quote(text, Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                    text.Append(" = ");
                    WriteData(text, entry.Value, depth + 1);
                }
                text.Append('\n').Append(' ', depth * 4).Append('}');
                break;
            case IEnumerable list:
                text.Append("@(");
                var first = true;
                foreach (var item in list)
                {
                    if (item is IDictionary)
                    {
                        text.Append('\n').Append(' ', (depth + 1) * 4);
                        WriteData(text, item, depth + 1);
                    }
                    else
                    {
                        if (!first) text.Append(", ");
                        WriteData(text, item, depth + 1);
                    }
                    first = false;
                }
                if (!first && text[text.Length - 1] == '}') text.Append('\n').Append(' ', depth * 4);
                text.Append(')');
                break;
            default: Quote(text, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""); break;
        }
    }

    // Single quotes: nothing inside is expanded; a quote is doubled (PowerShell also takes the typographic ones as quotes).
    private static void Quote(StringBuilder text, string value)
    {
        text.Append('\'');
        foreach (var c in value)
        {
            if (c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B') text.Append(c);
            text.Append(c);
        }
        text.Append('\'');
    }
}
