using System.Globalization;
using System.Text;

namespace Altostrat.Engine.Text;

/// <summary>
/// Text from a script, a router or the API made safe to put in front of a person: every control character (an ESC
/// or CSI sequence could clear the screen, move the cursor or retitle the window, and so hide or rewrite the
/// question being confirmed) is shown as RouterOS writes it in strings, <c>\XX</c>.
/// </summary>
public static class TerminalText
{
    /// <summary>The text with its control characters escaped; the same instance when it has none.</summary>
    /// <param name="keepLineBreaks">Keep line feeds (and the carriage returns before them) of a text of several lines.</param>
    public static string Safe(string text, bool keepLineBreaks = false)
    {
        var first = -1;
        for (var i = 0; i < text.Length && first < 0; i++)
            if (IsUnsafe(text, i, keepLineBreaks)) first = i;
        if (first < 0) return text;
        var safe = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (IsUnsafe(text, i, keepLineBreaks)) AppendEscaped(safe, text[i]);
            else safe.Append(text[i]);
        }
        return safe.ToString();
    }

    /// <summary>Whether <paramref name="text"/> holds a control character between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static bool HasControl(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
            if (char.IsControl(text[i])) return true;
        return false;
    }

    /// <summary>Appends <paramref name="c"/> as <c>\XX</c>.</summary>
    public static StringBuilder AppendEscaped(StringBuilder text, char c) =>
        text.Append('\\').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));

    private static bool IsUnsafe(string text, int i, bool keepLineBreaks)
    {
        var c = text[i];
        if (!char.IsControl(c)) return false;
        if (!keepLineBreaks) return true;
        return !(c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') || c == '\t');
    }
}
