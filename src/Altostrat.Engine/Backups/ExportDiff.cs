using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Altostrat.Engine.Backups;

/// <summary>
/// Line differences of two RouterOS exports (<c>/export</c> text, as configuration backups hold it). The comment header
/// RouterOS writes at the top (<c># 2025-11-01 02:00:00 by RouterOS 7.16</c>, <c># software id = ...</c>, <c>#</c>,
/// <c># model = ...</c>, <c># serial number = ...</c>) describes the export and the hardware, not the configuration, so
/// it is never a difference; a comment below the first command is part of the configuration and is compared. A line
/// RouterOS wraps (a trailing backslash, continued on the next line after leading spaces) is compared as the one
/// logical line it is, so a long rule that changes, or is wrapped at another column, is one line of the diff rather
/// than fragments. Each line carries the menu of its section (<c>/ip address</c>). A pure function of the two texts
/// (Myers' O(ND) diff).
/// </summary>
public static class ExportDiff
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "add", "set", "remove", "print", "export", "enable", "disable", "comment", "move", "unset", "edit", "find", "get", "reset",
    };

    /// <summary>
    /// The export's logical lines: continued lines joined, each numbered by its first physical line (from 1), with its
    /// menu and whether it belongs to the comment header.
    /// </summary>
    public static List<ExportLine> Parse(string export) => Parse(export, joinContinuations: true);

    private static List<ExportLine> Parse(string export, bool joinContinuations)
    {
        var lines = new List<ExportLine>();
        if (string.IsNullOrEmpty(export)) return lines;
        var physical = export.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var count = physical.Length;
        if (count > 0 && physical[count - 1].Length == 0) count--; // the final newline ends the last line, it starts none
        string? menu = null;
        var inHeader = true;
        for (var i = 0; i < count; i++)
        {
            var number = i + 1;
            var text = physical[i].TrimEnd();
            var trimmed = text.TrimStart();
            var isComment = trimmed.StartsWith("#", StringComparison.Ordinal);
            // The header is the block of comments (and any blank line among them) before the first command.
            if (inHeader && !isComment && trimmed.Length > 0) inHeader = false;
            var written = new List<string> { text };
            if (joinContinuations && !isComment)
            {
                // RouterOS reads a backslash at the end of a line, the line break and the next line's leading spaces
                // as nothing: "log=false \" + "    log-prefix=x" is "log=false log-prefix=x", and inside a string
                // "a\" + "    b" is "ab". An even run of backslashes is escaped backslashes, not a continuation.
                var logical = new StringBuilder(text);
                while (EndsInContinuation(logical) && i + 1 < count)
                {
                    logical.Length--;
                    var next = physical[++i].TrimEnd();
                    written.Add(next);
                    logical.Append(next.TrimStart());
                }
                text = logical.ToString();
                trimmed = text.TrimStart();
            }
            string? lineMenu = menu;
            if (!isComment && trimmed.StartsWith("/", StringComparison.Ordinal))
            {
                var (path, isHeader) = MenuOf(trimmed);
                if (isHeader) menu = path;
                lineMenu = path;
            }
            lines.Add(new ExportLine(number, text, lineMenu, joinContinuations && inHeader, written));
        }
        return lines;
    }

    private static bool EndsInContinuation(StringBuilder line)
    {
        var backslashes = 0;
        for (var j = line.Length - 1; j >= 0 && line[j] == '\\'; j--) backslashes++;
        return backslashes % 2 == 1;
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
    /// around each change); empty when the texts are the same. With <paramref name="ignoreNoise"/> (the default) the
    /// comment header is left out and continued lines are compared whole, though printed as the file has them;
    /// without it, a plain line diff of the two files, as the SDX service gives.
    /// </summary>
    public static string Unified(string reference, string difference, string fromName, string toName, int context = 3, bool ignoreNoise = true)
    {
        var a = ignoreNoise ? Significant(Parse(reference)) : Parse(reference, joinContinuations: false);
        var b = ignoreNoise ? Significant(Parse(difference)) : Parse(difference, joinContinuations: false);
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
            if (e.Kind != EditKind.Insert) { aCount += a[e.A].Lines.Count; if (aStart < 0) aStart = a[e.A].Number; }
            if (e.Kind != EditKind.Delete) { bCount += b[e.B].Lines.Count; if (bStart < 0) bStart = b[e.B].Number; }
        }
        // An empty side starts at the line before the hunk, as diff -u writes it.
        if (aStart < 0) aStart = Math.Max(0, PositionBefore(edits, start, a, true));
        if (bStart < 0) bStart = Math.Max(0, PositionBefore(edits, start, b, false));
        output.Append("@@ -").Append(Range(aStart, aCount)).Append(" +").Append(Range(bStart, bCount)).Append(" @@\n");
        // Each logical line is printed as the file wraps it, so the hunk's ranges count the file's lines.
        for (var j = start; j < end; j++)
        {
            var e = edits[j];
            var (marker, line) = e.Kind switch
            {
                EditKind.Equal => (' ', a[e.A]),
                EditKind.Delete => ('-', a[e.A]),
                _ => ('+', b[e.B]),
            };
            foreach (var written in line.Lines) output.Append(marker).Append(written).Append('\n');
        }
    }

    private static int PositionBefore(List<Edit> edits, int index, List<ExportLine> lines, bool sideA)
    {
        for (var j = index - 1; j >= 0; j--)
        {
            var e = edits[j];
            if (sideA && e.Kind != EditKind.Insert) return LastNumber(lines[e.A]);
            if (!sideA && e.Kind != EditKind.Delete) return LastNumber(lines[e.B]);
        }
        return 0;
    }

    private static int LastNumber(ExportLine line) => line.Number + line.Lines.Count - 1;

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
