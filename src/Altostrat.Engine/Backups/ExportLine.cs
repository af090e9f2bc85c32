using System.Collections.Generic;

namespace Altostrat.Engine.Backups;

/// <summary>
/// One logical line of a RouterOS export: the number of its first physical line (from 1), its text with continued
/// lines joined, the menu it belongs to, and the physical lines as the file wraps them.
/// </summary>
public sealed class ExportLine
{
    public ExportLine(int number, string text, string? menu, bool isNoise)
        : this(number, text, menu, isNoise, new[] { text })
    {
    }

    public ExportLine(int number, string text, string? menu, bool isNoise, IReadOnlyList<string> lines)
    {
        Number = number;
        Text = text;
        Menu = menu;
        IsNoise = isNoise;
        Lines = lines;
    }

    public int Number { get; }

    /// <summary>The line as RouterOS reads it: a line continued with a trailing backslash is joined to the next.</summary>
    public string Text { get; }

    /// <summary>The menu (<c>/ip address</c>) of the section the line is in; null before the first section header.</summary>
    public string? Menu { get; }

    /// <summary>
    /// A line of the comment header at the top of an export (date, software id, model, serial number): it describes
    /// the export and the hardware, so it differs between exports of the same configuration.
    /// </summary>
    public bool IsNoise { get; }

    /// <summary>The physical lines as written (one, or more when the line is continued), for a unified diff.</summary>
    public IReadOnlyList<string> Lines { get; }
}
