using System.Collections.Generic;
using System.Text;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>Writes changes in RouterOS CLI syntax, quoting what the CLI would otherwise read as syntax.</summary>
internal static class CliText
{
    public static string Value(string value)
    {
        if (value.Length > 0 && IsPlain(value)) return value;
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': case '\\': case '$': quoted.Append('\\').Append(c); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                default: quoted.Append(c); break;
            }
        }
        return quoted.Append('"').ToString();
    }

    // Letters, digits and the punctuation addresses, lists and durations use; anything else is quoted.
    private static bool IsPlain(string value)
    {
        foreach (var c in value)
            if (!(char.IsLetterOrDigit(c) && c < 128) && c is not ('.' or '-' or '_' or ':' or '/' or ',' or '*' or '+' or '@')) return false;
        return true;
    }

    public static string Assignments(IEnumerable<KeyValuePair<string, string>> values)
    {
        var text = new StringBuilder();
        AppendAssignments(text, values);
        return text.ToString();
    }

    /// <summary><see cref="Assignments"/> written straight into a script line being built.</summary>
    public static void AppendAssignments(StringBuilder text, IEnumerable<KeyValuePair<string, string>> values)
    {
        foreach (var pair in values) text.Append(' ').Append(pair.Key).Append('=').Append(Value(pair.Value));
    }

    /// <summary><c>[find list="block" address="192.0.2.1"]</c>, or by id when the key does not single the entry out.</summary>
    public static string Find(IReadOnlyList<string> key, IReadOnlyDictionary<string, string> row, bool byId)
    {
        var text = new StringBuilder("[find");
        if (byId && row.TryGetValue(".id", out var id)) text.Append(" .id=").Append(id);
        else foreach (var property in key) text.Append(' ').Append(property).Append('=').Append(Quoted(row.TryGetValue(property, out var v) ? v : string.Empty));
        return text.Append(']').ToString();
    }

    public static string FindByValues(IReadOnlyList<string> key, IReadOnlyDictionary<string, string?> values)
    {
        var text = new StringBuilder("[find");
        foreach (var property in key) text.Append(' ').Append(property).Append('=').Append(Quoted(values.TryGetValue(property, out var v) ? v ?? "" : ""));
        return text.Append(']').ToString();
    }

    private static string Quoted(string value)
    {
        var plain = Value(value);
        return plain.Length > 0 && plain[0] == '"' ? plain : "\"" + plain + "\"";
    }
}
