using System.Text;
using Altostrat.Engine.Text;

namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>A piece of the source as people read it: on one line, line joins removed, runs of whitespace as one space.</summary>
internal static class ScriptText
{
    private static readonly char[] Layout = { ' ', '\t', '\r', '\n', '\\' };

    /// <summary>
    /// <see cref="OneLine"/> with secret values masked: how a command or an argument is shown to people. Masked before
    /// it is shortened, so that a cut through a secret (a URL's password) cannot leave its start unmasked.
    /// </summary>
    public static string Shown(string text, int start, int end, int max)
    {
        if (end <= start) return "";
        var redacted = SecretValues.Redact(text.Substring(start, end - start));
        return OneLine(redacted, 0, redacted.Length, max);
    }

    public static string OneLine(string text, int start, int end, int max)
    {
        if (end <= start) return "";
        if (end - start <= max && text.IndexOfAny(Layout, start, end - start) < 0 && !TerminalText.HasControl(text, start, end)) return text.Substring(start, end - start);
        var result = new StringBuilder(System.Math.Min(end - start, max + 1));
        var space = false;
        for (var i = start; i < end && result.Length <= max; i++)
        {
            if (IsLineJoin(text, i))
            {
                while (i < end && text[i] != '\n') i++;
                continue;
            }
            var c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                space = result.Length > 0;
                continue;
            }
            if (space) result.Append(' ');
            space = false;
            // A control character (an ESC sequence from an AI, community or template script) is shown as RouterOS
            // writes it, \XX, never passed to the terminal where it could hide the lines a person is asked about.
            if (char.IsControl(c)) TerminalText.AppendEscaped(result, c);
            else result.Append(c);
        }
        if (result.Length > max)
        {
            result.Length = max;
            result.Append("...");
        }
        return result.ToString();
    }

    /// <summary>True when a backslash at <paramref name="index"/> ends its line.</summary>
    public static bool IsLineJoin(string text, int index)
    {
        if (index >= text.Length || text[index] != '\\') return false;
        var next = index + 1;
        // Spaces or tabs after the backslash still join: maintained public scripts have them, and RouterOS runs them.
        while (next < text.Length && text[next] is ' ' or '\t') next++;
        if (next < text.Length && text[next] == '\r') next++;
        return next < text.Length && text[next] == '\n';
    }
}
