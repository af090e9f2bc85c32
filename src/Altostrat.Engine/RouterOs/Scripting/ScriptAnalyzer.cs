using System;
using System.Collections.Generic;

namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>
/// Checks a RouterOS script offline: syntax diagnostics with line and column, and every command with its risk and
/// the reason. Never throws on any input, and takes time linear in the script's length.
/// </summary>
public static class ScriptAnalyzer
{
    public static ScriptAnalysis Analyze(string? script) => new ScriptParser(script ?? "").Parse();

    /// <summary>
    /// Rates each script as <see cref="ScriptRating.Of"/> of its own analysis would, from one analysis of them all:
    /// the many one-line scripts of a configuration plan cost an analysis each, most of it the same for every line.
    /// Taken together only when that cannot change a rating: every line starts at the root menu (nothing carries over
    /// from one line to the next) and the whole parses without a diagnostic; otherwise each script is analysed alone.
    /// </summary>
    public static ScriptRating[] RateEach(IReadOnlyList<string> scripts)
    {
        if (scripts is null) throw new ArgumentNullException(nameof(scripts));
        var ratings = new ScriptRating[scripts.Count];
        if (!AllLinesAbsolute(scripts) || Analyze(string.Join("\n", scripts)) is not { Diagnostics.Count: 0 } whole)
        {
            for (var i = 0; i < ratings.Length; i++) ratings[i] = ScriptRating.Of(Analyze(scripts[i]));
            return ratings;
        }
        var commands = whole.Commands;
        var first = 0;
        var offset = 0;
        for (var i = 0; i < ratings.Length; i++)
        {
            var lines = LineCount(scripts[i]);
            var end = first;
            while (end < commands.Count && commands[end].Line <= offset + lines) end++;
            ratings[i] = ScriptRating.Of(commands, first, end - first, errorCount: 0, offset);
            first = end;
            offset += lines;
        }
        return ratings;
    }

    private static bool AllLinesAbsolute(IReadOnlyList<string> scripts)
    {
        foreach (var script in scripts)
        {
            if (script is null || script.Length == 0 || script[0] != '/') return false;
            for (var at = script.IndexOf('\n'); at >= 0; at = script.IndexOf('\n', at + 1))
                if (at + 1 >= script.Length || script[at + 1] != '/') return false;
        }
        return true;
    }

    private static int LineCount(string script)
    {
        var lines = 1;
        foreach (var c in script)
            if (c == '\n') lines++;
        return lines;
    }
}
