using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Altostrat.Engine.Backups;

/// <summary>
/// Line differences of two RouterOS exports (<c>/export</c> text, as configuration backups hold it). The export's
/// header lines that change on every export (<c># 2025-11-01 02:00:00 by RouterOS 7.16</c>, <c># software id = ...</c>,
/// <c># serial number = ...</c>) are never a difference. Each line carries the menu of its section
/// (<c>/ip address</c>), continuation lines (after a trailing backslash) the menu of the line they continue.
/// A pure function of the two texts (Myers' O(ND) diff).
/// </summary>
public static class ExportDiff
{
    private static readonly Regex[] NoisePatterns =
    {
        // RouterOS 7: "# 2025-11-01 02:00:00 by RouterOS 7.16.1"; RouterOS 6: "# nov/01/2025 02:00:00 by RouterOS 6.49.10".
        new(@"^#\s*(\d{4}-\d\d-\d\d|[a-z]{3}/\d\d/\d{4})\s+\d\d:\d\d:\d\d\s+by\s+RouterOS\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
        new(@"^#\s*software\s+id\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
        new(@"^#\s*serial\s+number\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
    };

    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "add", "set", "remove", "print", "export", "enable", "disable", "comment", "move", "unset", "edit", "find", "get", "reset",
    };

    /// <summary>The export's lines, numbered from 1, each with its menu and whether it is header noise.</summary>
    public static List<ExportLine> Parse(string export)
    {
        var lines = new List<ExportLine>();
        if (string.IsNullOrEmpty(export)) return lines;
        var physical = export.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var count = physical.Length;
        if (count > 0 && physical[count - 1].Length == 0) count--; // the final newline ends the last line, it starts none
        string? menu = null;
        var inHeader = true;
        var continued = false;
        for (var i = 0; i < count; i++)
        {
            var text = physical[i].TrimEnd();
            var trimmed = text.TrimStart();
            string? lineMenu;
            var noise = false;
            if (continued)
            {
                lineMenu = lines[i - 1].Menu;
            }
            else if (trimmed.StartsWith("#", StringComparison.Ordinal))
            {
                noise = inHeader && IsNoise(trimmed);
                lineMenu = menu;
            }
            else if (trimmed.StartsWith("/", StringComparison.Ordinal))
            {
                inHeader = false;
                var (path, isHeader) = MenuOf(trimmed);
                if (isHeader) menu = path;
                lineMenu = path;
            }
            else
            {
                if (trimmed.Length > 0) inHeader = false;
                lineMenu = menu;
            }
            continued = text.EndsWith("\\", StringComparison.Ordinal);
            lines.Add(new ExportLine(i + 1, text, lineMenu, noise));
        }
        return lines;
    }

    /// <summary>True for a header comment that changes on every export of the same configuration.</summary>
    public static bool IsNoise(string commentLine)
    {
        foreach (var pattern in NoisePatterns)
            if (pattern.IsMatch(commentLine)) return true;
        return false;
    }

    /// <summary>The lines that differ, in file order: removed and added lines interleaved where they replace each other.</summary>
    public static List<ExportDiffLine> Compare(string reference, string difference)
    {
        var a = Significant(Parse(reference));
        var b = Significant(Parse(difference));
        var result = new List<ExportDiffLine>();
        foreach (var edit in Edits(a, b))
        {
            if (edit.Kind == EditKind.Delete) result.Add(new ExportDiffLine(false, a[edit.A].Number, a[edit.A].Text, a[edit.A].Menu));
            else if (edit.Kind == EditKind.Insert) result.Add(new ExportDiffLine(true, b[edit.B].Number, b[edit.B].Text, b[edit.B].Menu));
        }
        return result;
    }

    /// <summary>
    /// A unified diff (<c>--- from</c>, <c>+++ to</c>, <c>@@ -l,s +l,s @@</c> hunks with <paramref name="context"/> lines
    /// around each change); empty when the texts are the same. With <paramref name="ignoreNoise"/> header noise is left out.
    /// </summary>
    public static string Unified(string reference, string difference, string fromName, string toName, int context = 3, bool ignoreNoise = true)
    {
        var parsedA = Parse(reference);
        var parsedB = Parse(difference);
        var a = ignoreNoise ? Significant(parsedA) : parsedA;
        var b = ignoreNoise ? Significant(parsedB) : parsedB;
        var edits = Edits(a, b);
        var output = new StringBuilder();
        var i = 0;
        while (i < edits.Count)
        {
            while (i < edits.Count && edits[i].Kind == EditKind.Equal) i++;
            if (i == edits.Count) break;
            if (output.Length == 0) output.Append("--- ").Append(fromName).Append('\n').Append("+++ ").Append(toName).Append('\n');
            var start = Math.Max(0, i - context);
            // Extend the hunk while the next change is within 2 * context equal lines.
            var end = i;
            while (true)
            {
                while (end < edits.Count && edits[end].Kind != EditKind.Equal) end++;
                var equalRun = 0;
                while (end + equalRun < edits.Count && edits[end + equalRun].Kind == EditKind.Equal) equalRun++;
                if (end + equalRun < edits.Count && equalRun <= 2 * context) { end += equalRun; continue; }
                end = Math.Min(edits.Count, end + Math.Min(context, equalRun));
                break;
            }
            WriteHunk(output, edits, start, end, a, b);
            i = end;
        }
        return output.ToString();
    }

    private static void WriteHunk(StringBuilder output, List<Edit> edits, int start, int end, List<ExportLine> a, List<ExportLine> b)
    {
        int aCount = 0, bCount = 0, aStart = -1, bStart = -1;
        for (var j = start; j < end; j++)
        {
            var e = edits[j];
            if (e.Kind != EditKind.Insert) { aCount++; if (aStart < 0) aStart = a[e.A].Number; }
            if (e.Kind != EditKind.Delete) { bCount++; if (bStart < 0) bStart = b[e.B].Number; }
        }
        // An empty side starts at the line before the hunk, as diff -u writes it.
        if (aStart < 0) aStart = Math.Max(0, PositionBefore(edits, start, a, true));
        if (bStart < 0) bStart = Math.Max(0, PositionBefore(edits, start, b, false));
        output.Append("@@ -").Append(Range(aStart, aCount)).Append(" +").Append(Range(bStart, bCount)).Append(" @@\n");
        for (var j = start; j < end; j++)
        {
            var e = edits[j];
            switch (e.Kind)
            {
                case EditKind.Equal: output.Append(' ').Append(a[e.A].Text).Append('\n'); break;
                case EditKind.Delete: output.Append('-').Append(a[e.A].Text).Append('\n'); break;
                default: output.Append('+').Append(b[e.B].Text).Append('\n'); break;
            }
        }
    }

    private static int PositionBefore(List<Edit> edits, int index, List<ExportLine> lines, bool sideA)
    {
        for (var j = index - 1; j >= 0; j--)
        {
            var e = edits[j];
            if (sideA && e.Kind != EditKind.Insert) return lines[e.A].Number;
            if (!sideA && e.Kind != EditKind.Delete) return lines[e.B].Number;
        }
        return 0;
    }

    private static string Range(int start, int count) =>
        count == 1 ? start.ToString(CultureInfo.InvariantCulture) : start.ToString(CultureInfo.InvariantCulture) + "," + count.ToString(CultureInfo.InvariantCulture);

    private static List<ExportLine> Significant(List<ExportLine> lines) => lines.FindAll(l => !l.IsNoise);

    /// <summary>The menu of a line that starts with '/': the path words up to the verb; a header when there is no verb.</summary>
    private static (string Path, bool IsHeader) MenuOf(string line)
    {
        var words = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        var path = new List<string>();
        foreach (var word in words)
        {
            if (word == "\\") break;
            if (Verbs.Contains(word) || word.IndexOf('=') >= 0 || word.StartsWith("[", StringComparison.Ordinal))
                return (string.Join(" ", path), false);
            path.Add(word);
        }
        return (string.Join(" ", path), true);
    }

    private enum EditKind { Equal, Delete, Insert }

    private readonly struct Edit
    {
        public Edit(EditKind kind, int a, int b) { Kind = kind; A = a; B = b; }
        public EditKind Kind { get; }
        public int A { get; }
        public int B { get; }
    }

    /// <summary>Myers' shortest edit script, as Equal/Delete/Insert steps in order.</summary>
    private static List<Edit> Edits(List<ExportLine> a, List<ExportLine> b)
    {
        int n = a.Count, m = b.Count, max = n + m;
        var edits = new List<Edit>(max);
        if (max == 0) return edits;
        var offset = max + 1;
        var v = new int[2 * max + 3];
        var trace = new List<int[]>();
        var found = -1;
        for (var d = 0; d <= max && found < 0; d++)
        {
            var snapshot = new int[2 * d + 1];
            Array.Copy(v, offset - d, snapshot, 0, 2 * d + 1);
            trace.Add(snapshot);
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x].Text == b[y].Text) { x++; y++; }
                v[offset + k] = x;
                if (x >= n && y >= m) { found = d; break; }
            }
        }

        int cx = n, cy = m;
        for (var d = found; d > 0; d--)
        {
            var before = trace[d];
            int At(int k) => before[k + d];
            var k0 = cx - cy;
            var down = k0 == -d || (k0 != d && At(k0 - 1) < At(k0 + 1));
            var prevK = down ? k0 + 1 : k0 - 1;
            var prevX = At(prevK);
            var prevY = prevX - prevK;
            var midX = down ? prevX : prevX + 1;
            var midY = down ? prevY + 1 : prevY;
            while (cx > midX && cy > midY) { cx--; cy--; edits.Add(new Edit(EditKind.Equal, cx, cy)); }
            if (down) edits.Add(new Edit(EditKind.Insert, -1, prevY));
            else edits.Add(new Edit(EditKind.Delete, prevX, -1));
            cx = prevX;
            cy = prevY;
        }
        while (cx > 0 && cy > 0) { cx--; cy--; edits.Add(new Edit(EditKind.Equal, cx, cy)); }
        edits.Reverse();
        return edits;
    }
}
