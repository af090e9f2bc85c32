using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Altostrat.Engine.Text;

namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>
/// Writes changes in RouterOS CLI syntax, quoting what the CLI would otherwise read as syntax. Everything is appended
/// to the line being built: a plan writes a line for each of thousands of changes, and pieces built as strings of
/// their own only to be copied into it were a good part of what planning allocated.
/// </summary>
internal static class CliText
{
    [ThreadStatic] private static StringBuilder? _spareLine;

    /// <summary>
    /// A builder for one script line, starting with <paramref name="start"/> (a menu's CLI path); <see cref="Finish"/> gives its text and keeps
    /// the builder for this thread's next line, so a plan does not allocate a builder for each change.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    public static StringBuilder Line(string start)
    {
        var line = _spareLine ?? new StringBuilder(256);
        _spareLine = null;
        return line.Clear().Append(start);
    }

    [MethodImpl(HotPath.Optimize)]
    public static string Finish(StringBuilder line)
    {
        var text = line.ToString();
        // A builder grown by an unusually long line is let go rather than kept at that size.
        if (line.Capacity <= 4096) _spareLine = line;
        return text;
    }

    /// <summary>The value as the CLI reads it back: as it is when plain, else quoted and escaped.</summary>
    [MethodImpl(HotPath.Optimize)]
    public static StringBuilder AppendValue(StringBuilder text, string value) =>
        value.Length > 0 && IsPlain(value) ? text.Append(value) : AppendQuoted(text, value);

    /// <summary>The value quoted and escaped, whatever it holds (a <c>find</c> condition compares quoted text).</summary>
    [MethodImpl(HotPath.Optimize)]
    private static StringBuilder AppendQuoted(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': case '\\': case '$': text.Append('\\').Append(c); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                // Any other control character as RouterOS's \XX: a value from a router (an ESC sequence in a comment)
                // must not reach a person's terminal, where it could hide or rewrite the question being asked.
                default:
                    if (char.IsControl(c)) TerminalText.AppendEscaped(text, c);
                    else text.Append(c);
                    break;
            }
        }
        return text.Append('"');
    }

    // Letters, digits and the punctuation addresses, lists and durations use; anything else is quoted.
    [MethodImpl(HotPath.Optimize)]
    private static bool IsPlain(string value)
    {
        foreach (var c in value)
            if (!(char.IsLetterOrDigit(c) && c < 128) && c is not ('.' or '-' or '_' or ':' or '/' or ',' or '*' or '+' or '@')) return false;
        return true;
    }

    /// <summary><c> name=value</c> for each value, each preceded by a space.</summary>
    [MethodImpl(HotPath.Optimize)]
    public static StringBuilder AppendAssignments(StringBuilder text, IEnumerable<KeyValuePair<string, string>> values)
    {
        foreach (var pair in values) AppendAssignment(text, pair.Key, pair.Value);
        return text;
    }

    /// <summary><c> name=value</c>, the value as people may see it: a secret masked, a secret inside it too.</summary>
    [MethodImpl(HotPath.Optimize)]
    public static StringBuilder AppendAssignment(StringBuilder text, string name, string value)
    {
        text.Append(' ').Append(name).Append('=');
        // Script lines are for people and the risk gate; the change itself is sent as API words with the real value.
        // A value that is no secret may hold one: a scheduler's on-event with password= or a URL's user:password@.
        // The mask itself is not quoted as a value would be.
        return SecretValues.IsSecret(name) ? text.Append(SecretValues.Mask) : AppendValue(text, SecretValues.Redact(value));
    }

    /// <summary><c>[find list="block" address="192.0.2.1"]</c>, or by id when the key does not single the entry out.</summary>
    [MethodImpl(HotPath.Optimize)]
    public static StringBuilder AppendFind(StringBuilder text, IReadOnlyList<string> key, IReadOnlyDictionary<string, string> row, bool byId)
    {
        text.Append("[find");
        if (byId && row.TryGetValue(".id", out var id)) text.Append(" .id=").Append(id);
        else
            for (var i = 0; i < key.Count; i++)
                AppendQuoted(text.Append(' ').Append(key[i]).Append('='), row.TryGetValue(key[i], out var v) ? v : string.Empty);
        return text.Append(']');
    }

    /// <summary><see cref="AppendFind"/> for an entry of the document, whose values may be null.</summary>
    [MethodImpl(HotPath.Optimize)]
    public static StringBuilder AppendFindByValues(StringBuilder text, IReadOnlyList<string> key, IReadOnlyDictionary<string, string?> values)
    {
        text.Append("[find");
        for (var i = 0; i < key.Count; i++)
            AppendQuoted(text.Append(' ').Append(key[i]).Append('='), values.TryGetValue(key[i], out var v) ? v ?? "" : "");
        return text.Append(']');
    }
}
